package io.github.npmreg.doctor;

import io.github.npmreg.NpmregException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What {@link Doctor#run} found, in check order: rendered as text for the log and as JSON for tools. */
public record Report(List<Finding> findings) {

    public Report {
        findings = List.copyOf(findings);
    }

    /** True when any check failed: {@code verify} and {@code publish} then fail the build. */
    public boolean failed() {
        return findings.stream().anyMatch(f -> f.status() == Status.FAIL);
    }

    public List<Finding> problems() {
        return findings.stream().filter(Finding::isProblem).toList();
    }

    /**
     * The failed findings as one error for {@code publish}'s preflight: each title, cause and evidence, and their
     * fixes, so the build stops with what {@code verify} would show.
     *
     * @param hint appended to the fix, e.g. how to see the whole report
     */
    public NpmregException asPublishFailure(String hint) {
        List<Finding> failed = findings.stream().filter(f -> f.status() == Status.FAIL).toList();
        if (failed.size() == 1) {
            Finding f = failed.get(0);
            return new NpmregException("The preflight checks found a problem before anything was uploaded: "
                    + f.title() + " (" + f.id() + "): " + f.cause()
                    + (f.evidence() == null ? "" : "\n  Evidence: " + f.evidence()),
                    (f.fix() == null ? "" : f.fix()) + (hint == null ? "" : " (" + hint + ")"));
        }
        // Several root causes: each keeps its own Fix line.
        String problem = failed.stream()
                .map(f -> f.title() + " (" + f.id() + "): " + f.cause()
                        + (f.evidence() == null ? "" : "\n  Evidence: " + f.evidence())
                        + (f.fix() == null ? "" : "\n  Fix: " + f.fix()))
                .collect(java.util.stream.Collectors.joining("\n"));
        return new NpmregException("The preflight checks found " + failed.size() + " problems before anything was"
                + " uploaded:\n" + problem, hint);
    }

    /** The first finding with this id, for callers and tests that look for one cause. */
    public Optional<Finding> find(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** How many findings have each status. */
    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new TreeMap<>();
        for (Status s : Status.values()) {
            counts.put(s, findings.stream().filter(f -> f.status() == s).count());
        }
        return counts;
    }

    /**
     * One line per finding ({@code [PASS] title: evidence}); each problem then has its id, cause, evidence and fix
     * indented below, so the fix can be copied from the log.
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        for (Block block : toBlocks()) {
            out.append(block.text()).append('\n');
        }
        return out.toString();
    }

    /**
     * The text report as blocks, one per finding and a last one for the totals, each with the status a log gives
     * it (the totals' is FAIL when the report failed), so a caller picks the log level from the status, not the text.
     */
    public List<Block> toBlocks() {
        List<Block> blocks = new java.util.ArrayList<>();
        for (Finding f : findings) {
            StringBuilder out = new StringBuilder();
            out.append(f.status().tag()).append(' ').append(f.title());
            if (!f.isProblem()) {
                if (f.evidence() != null) {
                    out.append(": ").append(f.evidence());
                }
                blocks.add(new Block(f.status(), out.toString()));
                continue;
            }
            out.append(" (").append(f.id()).append(")\n");
            line(out, "cause", f.cause());
            line(out, "evidence", f.evidence());
            line(out, "fix", f.fix());
            blocks.add(new Block(f.status(), out.toString().stripTrailing()));
        }
        Map<Status, Long> c = counts();
        StringBuilder out = new StringBuilder();
        out.append(failed() ? "verify FAILED: " : "verify passed: ")
                .append(c.get(Status.PASS)).append(" passed, ")
                .append(c.get(Status.WARN)).append(" warnings, ")
                .append(c.get(Status.FAIL)).append(" failed, ")
                .append(c.get(Status.SKIPPED)).append(" skipped");
        blocks.add(new Block(failed() ? Status.FAIL : Status.PASS, out.toString()));
        return blocks;
    }

    /** One finding's lines of the text report (or the totals line) and its status. */
    public record Block(Status status, String text) {}

    private static void line(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append("    ").append(label).append(": ").append(value.replace("\n", "\n      ")).append('\n');
        }
    }

    /**
     * The report as JSON with stable field names: {@code failed}, {@code counts} (pass, warn, fail, skipped) and
     * {@code findings} (id, status, check, title, cause, evidence, fix; absent values are null).
     */
    public String toJson() {
        ObjectNode root = io.github.npmreg.json.JsonTree.object();
        root.put("failed", failed());
        ObjectNode counts = root.putObject("counts");
        counts().forEach((status, n) -> counts.put(status.name().toLowerCase(java.util.Locale.ROOT), n));
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode node = list.addObject();
            node.put("id", f.id());
            node.put("status", f.status().name());
            node.put("check", f.check());
            node.put("title", f.title());
            node.put("cause", f.cause());
            node.put("evidence", f.evidence());
            node.put("fix", f.fix());
        }
        return new String(io.github.npmreg.json.JsonTree.writePretty(root), java.nio.charset.StandardCharsets.UTF_8)
                + "\n";
    }

    /** Writes {@link #toJson()} to {@code file} atomically (temp file in the same folder, then a move). */
    public void writeJson(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = io.github.npmreg.TempFiles.create(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, io.github.npmreg.auth.Redaction.maskUserInfo(toJson())); // no URL user-info in any file
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
