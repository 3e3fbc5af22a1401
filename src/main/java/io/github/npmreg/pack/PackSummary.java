package io.github.npmreg.pack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code npm notice} block {@code npm pack} prints (npm lib/utils/tar.js {@code logTar}), as lines without the
 * {@code npm notice} prefix, for the build log.
 */
public final class PackSummary {
    private PackSummary() {}

    /** The lines; {@code unicode} picks npm's {@code 📦 } heading over {@code package:}. */
    public static List<String> lines(PackResult result, boolean unicode) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add((unicode ? "📦 " : "package:") + " " + result.name() + "@" + result.version());
        lines.add("Tarball Contents");
        for (PackedFile file : result.files()) {
            if (!file.path().startsWith("node_modules/")) {
                lines.add(formatBytes(file.size(), false) + " " + file.path());
            }
        }
        if (!result.bundled().isEmpty()) {
            lines.add("Bundled Dependencies");
            lines.addAll(result.bundled());
        }
        lines.add("Tarball Details");
        lines.add("name: " + result.name());
        lines.add("version: " + result.version());
        lines.add("filename: " + result.filename());
        lines.add("package size: " + formatBytes(result.size(), true));
        lines.add("unpacked size: " + formatBytes(result.unpackedSize(), true));
        lines.add("shasum: " + result.shasum());
        String integrity = result.integrity();
        lines.add("integrity: " + integrity.substring(0, Math.min(20, integrity.length())) + "[...]"
                + (integrity.length() > 80 ? integrity.substring(80) : ""));
        if (!result.bundled().isEmpty()) {
            lines.add("bundled deps: " + result.bundled().size());
            // npm subtracts the length of a list that already includes the bundled files, so this is always 0.
            lines.add("bundled files: " + (result.entryCount() - result.files().size()));
            lines.add("own files: " + result.files().size());
        }
        lines.add("total files: " + result.entryCount());
        lines.add("");
        return lines;
    }

    /** npm's {@code formatBytes}: decimal units, one decimal place rounded as JavaScript's {@code toFixed(1)}. */
    static String formatBytes(long bytes, boolean space) {
        String spacer = space ? " " : "";
        if (bytes < 1000) {
            return bytes + spacer + "B";
        }
        if (bytes < 999950) {
            return fixed1(bytes / 1000.0) + spacer + "kB";
        }
        if (bytes < 999950000) {
            return fixed1(bytes / 1000000.0) + spacer + "MB";
        }
        return fixed1(bytes / 1000000000.0) + spacer + "GB";
    }

    /** {@code toFixed(1)} rounds the exact binary value half up. */
    private static String fixed1(double value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
