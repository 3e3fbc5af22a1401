package io.github.npmreg.npm.packagejson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.manifest.JsValues;
import io.github.npmreg.manifest.NpmVersion;
import io.github.npmreg.npm.NodePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code @npmcli/package-json}'s normalizer: the one place where a package.json is normalized as npm does it, with the
 * step lists npm runs for each use.
 *
 * <ul>
 *   <li>{@link #forPack}: {@code PackageJson.normalize()} ({@code normalizeSteps}), what pacote's {@code DirFetcher}
 *       and Arborist read from a package directory when packing it: {@code _id}, {@code _attributes},
 *       {@code bundledDependencies}, {@code bundleDependencies}, {@code overrides} (npm 12), {@code optionalDedupe},
 *       {@code scripts}, {@code funding}, {@code bin}, {@code binDir}. Its {@code bin} decides which files pacote
 *       makes executable, its {@code bundleDependencies} what npm-packlist bundles.</li>
 *   <li>{@link #forPublish}: the version manifest {@code npm publish} sends in {@code versions[<version>]}, before the
 *       registry client adds {@code _nodeVersion}, {@code _npmVersion} and {@code dist}: {@code fix()} steps, then
 *       {@code prepare()} steps (lib/normalize.js and lib/normalize-data.js), then libnpmpublish's {@code fixName}
 *       and {@code semver.clean}.</li>
 * </ul>
 * New keys are appended and removed keys dropped exactly where JavaScript objects would put them, so the key order
 * matches npm's too; the {@code bin} step edits the object while iterating over it, as npm's {@code for...in} does
 * (so {@code {"a/x": "p.js", "x": "q.js"}} becomes {@code {"x": "p.js"}}).
 *
 * <p>Intended differences from npm (tested against npm's own normalizer, see PackageJsonNormalizerTest):
 * <ul>
 *   <li>{@code gitHead} comes from the caller (npm reads {@code .git/HEAD} itself);</li>
 *   <li>where npm lists files with glob ({@code directories.bin}, {@code directories.man}, the README), we
 *       use the order glob gives on a file system that lists directories sorted; on others npm's order is
 *       whatever the file system returns;</li>
 *   <li>integer-like keys ({@code "1": ...}) keep their file position; JavaScript would move them first;</li>
 *   <li>warnings npm only logs (licence, typos, missing bin files) are not produced here.</li>
 * </ul>
 */
public final class PackageJsonNormalizer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NO_README = "ERROR: No README data found!";
    private static final Pattern SCRIPT_BIN_PREFIX = Pattern.compile("^(\\.[/\\\\])?node_modules[/\\\\].bin[\\\\/]");
    private static final Pattern MARKDOWN_EXT = Pattern.compile("\\.m?a?r?k?d?o?w?n?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEP_SEPARATOR = Pattern.compile(":?[@\\s><=]");
    /** glob's {@code *.[0-9]}; names starting with a dot are already skipped by the walk. */
    private static final Pattern MAN_FILE = Pattern.compile("\\.[0-9]$");

    private final ObjectNode data;
    private final Path dir;
    /** The npm major reproduced: 12 drops serverjs, adds the overrides step and libnpmpublish 12's checks. */
    private final int npmMajor;

    private PackageJsonNormalizer(ObjectNode data, Path dir, int npmMajor) {
        this.data = data;
        this.dir = dir.toAbsolutePath().normalize();
        this.npmMajor = npmMajor;
    }

    /**
     * The package as pacote and Arborist load it for packing ({@code PackageJson.normalize()}).
     *
     * @param raw        the package.json as read (not modified)
     * @param packageDir the package directory ({@code directories.bin} is listed there)
     * @param npmMajor   11 (@npmcli/package-json 7.0.5) or 12 (8.0.0, which adds the {@code overrides} step)
     */
    public static ObjectNode forPack(ObjectNode raw, Path packageDir, int npmMajor) {
        PackageJsonNormalizer m = new PackageJsonNormalizer(raw.deepCopy(), packageDir, npmMajor);
        m.normalizeSteps();
        return m.data;
    }

    /**
     * {@link #forPublish(ObjectNode, Path, String, int)} as npm 11 publishes.
     *
     * @param raw        the package.json as read (not modified)
     * @param packageDir the package directory (README, bin and man directories, *.gyp, server.js, AUTHORS, .d.ts)
     * @param gitHead    the commit to record as {@code gitHead}, or {@code null}
     */
    public static ObjectNode forPublish(ObjectNode raw, Path packageDir, String gitHead) {
        return forPublish(raw, packageDir, gitHead, 11);
    }

    /**
     * The version manifest as npm {@code npmMajor} publishes it: npm 11 (@npmcli/package-json 7.0.5, libnpmpublish
     * 11.2.0) or npm 12 (@npmcli/package-json 8.0.0: no {@code serverjs} step, an {@code overrides} step that drops
     * a non-object or empty {@code overrides}; libnpmpublish 12.0.1: {@code packageExtensions} refused,
     * {@code patchedDependencies} removed).
     *
     * @throws NpmregException when npm 12 refuses the manifest ({@code EPACKAGEEXTENSIONS})
     */
    public static ObjectNode forPublish(ObjectNode raw, Path packageDir, String gitHead, int npmMajor) {
        PackageJsonNormalizer m = new PackageJsonNormalizer(raw.deepCopy(), packageDir, npmMajor);
        m.fix();
        m.prepare(gitHead);
        m.fixNameAndVersion(); // libnpmpublish patchManifest: fixName, then semver.clean
        if (npmMajor >= 12) {
            if (m.data.has("packageExtensions")) {
                throw new NpmregException("npm 12 refuses to publish this package (EPACKAGEEXTENSIONS): "
                        + "packageExtensions is only honored at the project root and must not be published.",
                        "Remove \"packageExtensions\" from the package.json that is published (keep it in the "
                        + "project root's package.json only), or publish as npm 11 with -Dnpmreg.npmVersion=11.");
            }
            m.data.remove("patchedDependencies"); // consumer-side state, never published
        }
        return m.data;
    }

    /**
     * {@code PackageJson.normalize()}: the asynchronous step ({@code binDir}, else {@code bin}) first, then the
     * synchronous ones in normalize.js's order.
     */
    private void normalizeSteps() {
        binDirOrBin();
        for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith("_")) {
                it.remove(); // _attributes
            }
        }
        if (JsValues.truthy(data.get("name")) && JsValues.truthy(data.get("version"))) {
            data.put("_id", data.get("name").asText() + "@" + data.get("version").asText());
        }
        bundledDependencies();
        bundleDependencies(false);
        if (npmMajor >= 12) {
            overrides();
        }
        optionalDedupe();
        scripts(false);
        JsonNode funding = data.get("funding");
        if (funding != null && funding.isTextual() && !funding.textValue().isEmpty()) {
            data.set("funding", NODES.objectNode().put("url", funding.textValue()));
        }
    }

    /** PackageJson.fix(): binRefs, bundleDependencies, fixName, fixVersionField, fixRepositoryField, fixDependencies, scriptpath. */
    private void fix() {
        normalizeBin();
        fixNameAndVersion();
        bundleDependencies(false);
        scripts(true);
        fixRepository();
        fixDependencies();
    }

    /** PackageJson.prepare(): the asynchronous (file system) steps first, then the synchronous ones, as npm runs them. */
    private void prepare(String gitHead) {
        ObjectNode scripts = data.get("scripts") instanceof ObjectNode s ? s : NODES.objectNode();
        // gypfile
        if (!JsValues.truthy(scripts.get("install")) && !JsValues.truthy(scripts.get("preinstall"))
                && !(data.get("gypfile") != null && data.get("gypfile").isBoolean() && !data.get("gypfile").booleanValue())) {
            if (rootEntries().anyMatch(n -> !n.startsWith(".") && n.endsWith(".gyp"))) {
                scripts.put("install", "node-gyp rebuild");
                data.set("scripts", scripts);
                data.put("gypfile", true);
            }
        }
        // serverjs (npm 11 only: @npmcli/package-json 8 dropped the step)
        if (npmMajor < 12 && !JsValues.truthy(scripts.get("start")) && Files.exists(dir.resolve("server.js"))) {
            scripts.put("start", "node server.js");
            data.set("scripts", scripts);
        }
        authors();
        readme();
        mans();
        binDirOrBin();
        if (!JsValues.truthy(data.get("gitHead")) && gitHead != null && !gitHead.isEmpty()) {
            data.put("gitHead", gitHead);
        }
        fillTypes();

        fixNameAndVersion();
        for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith("_")) {
                it.remove();
            }
        }
        if (JsValues.truthy(data.get("name")) && JsValues.truthy(data.get("version"))) {
            data.put("_id", data.get("name").asText() + "@" + data.get("version").asText());
        }
        bundledDependencies();
        bundleDependencies(true);
        if (npmMajor >= 12) {
            overrides();
        }
        scripts(true);
        fixRepository();
        fixDependencies();
        normalizeData();
    }

    private void fixNameAndVersion() {
        JsonNode name = data.get("name");
        if (name != null && name.isTextual()) {
            String trimmed = JsValues.jsTrim(name.textValue());
            if (!trimmed.equals(name.textValue())) {
                data.put("name", trimmed);
            }
        }
        JsonNode version = data.get("version");
        if (version != null && version.isTextual() && !version.textValue().isEmpty()) {
            String cleaned = NpmVersion.clean(version.textValue()).orElseThrow(() -> new NpmregException(
                    "\"version\": \"" + version.textValue() + "\" is not a valid semantic version",
                    "Use MAJOR.MINOR.PATCH with an optional -prerelease, e.g. \"1.2.0\"."));
            if (!cleaned.equals(version.textValue())) {
                data.put("version", cleaned);
            }
        }
    }

    /** The binDir step ({@code directories.bin} and no {@code bin}), else the bin step; both steps end the same way. */
    private void binDirOrBin() {
        JsonNode directories = data.get("directories");
        if (directories != null && JsValues.truthy(directories.get("bin")) && !JsValues.truthy(data.get("bin"))) {
            expandBinDirectory(directories.get("bin").asText());
        } else {
            normalizeBin();
        }
    }

    /** The bundledDependencies step: the misspelt field is the value when the right one is absent, then dropped. */
    private void bundledDependencies() {
        if (data.get("bundleDependencies") == null && data.has("bundledDependencies")) {
            data.set("bundleDependencies", data.get("bundledDependencies"));
        }
        data.remove("bundledDependencies");
    }

    /** The overrides step (@npmcli/package-json 8): afterwards either absent or a non-empty object. */
    private void overrides() {
        JsonNode overrides = data.get("overrides");
        if (overrides != null && (!overrides.isObject() || overrides.isEmpty())) {
            data.remove("overrides");
        }
    }

    /** optionalDedupe: a name in optionalDependencies is removed from dependencies, and an emptied one dropped. */
    private void optionalDedupe() {
        JsonNode optional = data.get("optionalDependencies");
        if (data.get("dependencies") instanceof ObjectNode deps && optional != null
                && (optional.isObject() || optional.isArray())) {
            if (optional.isObject()) {
                optional.fieldNames().forEachRemaining(deps::remove);
            } else {
                for (int i = 0; i < optional.size(); i++) {
                    deps.remove(String.valueOf(i)); // for...in over an array yields its indices
                }
            }
            if (deps.isEmpty()) {
                data.remove("dependencies");
            }
        }
    }

    /** The bundleDependencies step ({@code deleteFalse}: prepare's bundleDependenciesDeleteFalse). */
    private void bundleDependencies(boolean deleteFalse) {
        JsonNode bd = data.get("bundleDependencies");
        if (bd != null && bd.isBoolean() && !bd.booleanValue() && !deleteFalse) {
            data.set("bundleDependencies", NODES.arrayNode());
        } else if (bd != null && bd.isBoolean() && bd.booleanValue()) {
            ArrayNode names = NODES.arrayNode();
            JsonNode deps = data.get("dependencies");
            if (deps != null && deps.isObject()) {
                deps.fieldNames().forEachRemaining(names::add);
            }
            data.set("bundleDependencies", names);
        } else if (bd != null && (bd.isObject() || bd.isArray())) {
            if (bd.isObject()) {
                ArrayNode names = NODES.arrayNode();
                bd.fieldNames().forEachRemaining(names::add);
                data.set("bundleDependencies", names);
            }
        } else if (data.has("bundleDependencies")) {
            data.remove("bundleDependencies");
        }
    }

    /** The scripts step: drop non-string scripts; with {@code scriptpath} also strip a leading node_modules/.bin/. */
    private void scripts(boolean scriptpath) {
        JsonNode scripts = data.get("scripts");
        if (scripts == null) {
            return;
        }
        if (scripts.isNull()) {
            return; // typeof null is 'object' and has no entries
        }
        if (!(scripts instanceof ObjectNode object)) {
            if (!scripts.isArray()) {
                data.remove("scripts");
            }
            return;
        }
        for (String name : fieldNames(object)) {
            JsonNode value = object.get(name);
            if (!value.isTextual()) {
                object.remove(name);
            } else {
                Matcher m = SCRIPT_BIN_PREFIX.matcher(value.textValue());
                if (scriptpath && m.find()) {
                    object.put(name, value.textValue().substring(m.end()));
                }
            }
        }
    }

    /** fixRepositoryField: first of {@code repositories}, string to object, hosted URL normalized. */
    private void fixRepository() {
        JsonNode repositories = data.get("repositories");
        if (JsValues.truthy(repositories)) {
            JsonNode first = repositories.isArray() ? repositories.get(0)
                    : repositories.isTextual() ? NODES.textNode(repositories.textValue().substring(0, 1)) : null;
            if (first == null) {
                data.remove("repository");
            } else {
                data.set("repository", first);
            }
        }
        JsonNode repository = data.get("repository");
        if (!JsValues.truthy(repository)) {
            return;
        }
        if (repository.isTextual()) {
            ObjectNode object = NODES.objectNode();
            object.put("type", "git");
            object.put("url", repository.textValue());
            data.set("repository", object);
            repository = object;
        }
        if (repository instanceof ObjectNode object && JsValues.truthy(object.get("url")) && object.get("url").isTextual()) {
            String url = object.get("url").textValue();
            HostedGit hosted = HostedGit.fromUrl(url);
            if (hosted != null) {
                String r = "shortcut".equals(hosted.defaultRepresentation()) ? hosted.https() : hosted.toString();
                if (r != null && !r.equals(url)) {
                    object.put("url", r);
                }
            }
        }
    }

    /** fixDependencies: string and array forms to objects, non-string versions dropped, hosted git specs normalized. */
    private void fixDependencies() {
        for (String type : List.of("dependencies", "devDependencies", "optionalDependencies")) {
            JsonNode deps = data.get(type);
            if (!JsValues.truthy(deps)) {
                continue;
            }
            if (deps.isTextual()) {
                ArrayNode list = NODES.arrayNode();
                for (String d : JsValues.jsTrim(deps.textValue()).split("[\\n\\r\\s\\t ,]+", -1)) {
                    list.add(d);
                }
                deps = list;
            }
            if (deps.isArray()) {
                ObjectNode o = NODES.objectNode();
                for (JsonNode d : deps) {
                    if (d.isTextual()) {
                        String s = JsValues.jsTrim(d.textValue());
                        Matcher m = DEP_SEPARATOR.matcher(s);
                        if (m.find()) {
                            o.put(s.substring(0, m.start()), JsValues.jsTrim(s.substring(m.start()).replaceFirst("^@", "")));
                        } else {
                            o.put(s, "");
                        }
                    }
                }
                data.set(type, o);
            }
        }
        for (String type : List.of("dependencies", "devDependencies")) {
            if (!data.has(type)) {
                continue;
            }
            JsonNode deps = data.get(type);
            if (!JsValues.truthy(deps) || !(deps.isObject() || deps.isArray())) {
                data.remove(type);
                continue;
            }
            if (!(deps instanceof ObjectNode object)) {
                continue;
            }
            for (String name : fieldNames(object)) {
                JsonNode spec = object.get(name);
                if (!spec.isTextual()) {
                    object.remove(name);
                    continue;
                }
                HostedGit hosted = HostedGit.fromUrl(spec.textValue());
                String normalized = hosted == null ? null : hosted.toString();
                if (normalized != null && !normalized.isEmpty() && !normalized.equals(spec.textValue())) {
                    object.put(name, normalized);
                }
            }
        }
    }

    /** npm-normalize-package-bin as inlined in @npmcli/package-json. */
    private void normalizeBin() {
        JsonNode bin = data.get("bin");
        if (JsValues.truthy(bin)) {
            if (bin.isTextual() && JsValues.truthy(data.get("name"))) {
                ObjectNode o = NODES.objectNode();
                o.set(data.get("name").asText(), bin);
                data.set("bin", o);
                bin = o;
            } else if (bin.isArray()) {
                ObjectNode o = NODES.objectNode();
                for (JsonNode k : bin) {
                    o.set(NodePath.basename(k.asText()), k);
                }
                data.set("bin", o);
                bin = o;
            }
            if (bin instanceof ObjectNode object) {
                for (String key : fieldNames(object)) {
                    JsonNode target = object.get(key);
                    if (target == null) {
                        continue; // removed while renaming an earlier key
                    }
                    if (!target.isTextual()) {
                        object.remove(key);
                        continue;
                    }
                    String base = NodePath.basename(NodePath.secureAndUnixify(key));
                    if (base.isEmpty()) {
                        object.remove(key);
                        continue;
                    }
                    String binTarget = NodePath.secureAndUnixify(target.textValue());
                    if (binTarget.isEmpty()) {
                        object.remove(key);
                        continue;
                    }
                    if (!base.equals(key)) {
                        object.remove(key);
                    }
                    object.put(base, binTarget);
                }
                if (object.isEmpty()) {
                    data.remove("bin");
                }
                return;
            }
        }
        data.remove("bin");
    }

    /** directories.bin: every entry below the directory (files and folders, no dot names) becomes a bin. */
    private void expandBinDirectory(String directory) {
        String binPath = NodePath.secureAndUnixify(directory);
        Path root = dir.resolve(binPath.isEmpty() ? "." : binPath).normalize();
        ObjectNode bins = NODES.objectNode();
        for (String rel : walk(root, name -> !name.startsWith("."))) {
            bins.put(NodePath.basename(rel), binPath + "/" + NodePath.secureAndUnixify(rel));
        }
        data.set("bin", bins);
    }

    /** The mans step: expand directories.man, then make {@code man} an array of clean paths. */
    private void mans() {
        JsonNode directories = data.get("directories");
        if (directories != null && JsValues.truthy(directories.get("man")) && !JsValues.truthy(data.get("man"))) {
            String manDir = NodePath.secureAndUnixify(directories.get("man").asText());
            Path root = dir.resolve(manDir.isEmpty() ? "." : manDir).normalize();
            ArrayNode man = NODES.arrayNode();
            for (String rel : walk(root, name -> !name.startsWith("."))) {
                if (MAN_FILE.matcher(NodePath.basename(rel)).find()) {
                    String fromPackage = dir.relativize(root.resolve(rel)).toString().replace('\\', '/');
                    man.add(fromPackage);
                }
            }
            data.set("man", man);
        }
        JsonNode man = data.get("man");
        if (JsValues.truthy(man)) {
            ArrayNode mans = NODES.arrayNode();
            for (JsonNode entry : man.isArray() ? man : NODES.arrayNode().add(man)) {
                if (entry.isTextual()) {
                    mans.add(NodePath.secureAndUnixify(entry.textValue()));
                }
            }
            if (!mans.isEmpty()) {
                data.set("man", mans);
                return;
            }
        }
        data.remove("man");
    }

    private void authors() {
        if (JsValues.truthy(data.get("contributors"))) {
            return;
        }
        Path authors = dir.resolve("AUTHORS");
        if (!Files.isRegularFile(authors)) {
            return;
        }
        ArrayNode contributors = NODES.arrayNode();
        for (String line : read(authors).split("\\r?\\n", -1)) {
            String clean = JsValues.jsTrim(line.replaceAll("^\\s*#.*$", ""));
            if (!clean.isEmpty()) {
                contributors.add(clean);
            }
        }
        data.set("contributors", contributors);
    }

    /** The first README with a markdown-like extension, else a plain {@code README}. */
    private void readme() {
        if (JsValues.truthy(data.get("readme"))) {
            return;
        }
        String readmeFile = null;
        for (String name : globOrder(dir)) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!(lower.equals("readme") || lower.startsWith("readme.")) || Files.isDirectory(dir.resolve(name))) {
                continue;
            }
            if (MARKDOWN_EXT.matcher(name).find()) {
                readmeFile = name;
                break;
            }
            if (name.endsWith("README")) {
                readmeFile = name;
            }
        }
        if (readmeFile != null) {
            data.put("readme", read(dir.resolve(readmeFile)));
            data.put("readmeFilename", readmeFile);
        }
        if (!JsValues.truthy(data.get("readme"))) {
            data.put("readme", NO_README);
        }
    }

    /** fillTypes: {@code ./<main without extension>.d.ts} when that file exists and no types/typings are set. */
    private void fillTypes() {
        JsonNode main = data.get("main");
        String index;
        if (!JsValues.truthy(main)) {
            index = "index.js";
        } else if (main.isTextual()) {
            index = main.textValue();
        } else {
            throw new NpmregException("\"main\" in package.json is a " + main.getNodeType().toString().toLowerCase(Locale.ROOT)
                    + ", not a string", "Set \"main\" to the entry file's path, e.g. \"main\": \"index.js\".");
        }
        String extless = NodePath.join(NodePath.dirname(index), NodePath.basename(index, NodePath.extname(index)));
        String dts = "./" + extless + ".d.ts";
        if (!data.has("types") && !data.has("typings") && Files.exists(dir.resolve(dts).normalize())) {
            data.put("types", dts);
        }
    }

    /** normalize-data.js, the part of normalize-package-data npm still runs. */
    private void normalizeData() {
        JsonNode description = data.get("description");
        if (JsValues.truthy(description) && !description.isTextual()) {
            data.remove("description");
        }
        JsonNode readme = data.get("readme");
        if (JsValues.truthy(readme) && !JsValues.truthy(data.get("description")) && !NO_README.equals(readme.asText())) {
            data.put("description", extractDescription(readme.asText()));
        }
        if (JsValues.truthy(data.get("modules"))) {
            data.remove("modules");
        }
        JsonNode files = data.get("files");
        if (JsValues.truthy(files) && !files.isArray()) {
            data.remove("files");
        } else if (JsValues.truthy(files)) {
            data.set("files", filterStrings(files));
        }
        JsonNode man = data.get("man");
        if (man != null && man.isTextual() && JsValues.truthy(man)) {
            data.set("man", NODES.arrayNode().add(man));
        }
        bugs();
        JsonNode keywords = data.get("keywords");
        if (keywords != null && keywords.isTextual()) {
            ArrayNode split = NODES.arrayNode();
            for (String k : keywords.textValue().split(",\\s+", -1)) {
                split.add(k);
            }
            data.set("keywords", split);
            keywords = split;
        }
        if (JsValues.truthy(keywords) && !keywords.isArray()) {
            data.remove("keywords");
        } else if (JsValues.truthy(keywords)) {
            data.set("keywords", filterStrings(keywords));
        }
        JsonNode bd = data.get("bundleDependencies");
        if (JsValues.truthy(bd) && !bd.isArray()) {
            data.remove("bundleDependencies");
        } else if (JsValues.truthy(bd)) {
            ArrayNode kept = filterStrings(bd);
            for (JsonNode name : kept) {
                if (!JsValues.truthy(data.get("dependencies"))) {
                    data.set("dependencies", NODES.objectNode());
                }
                if (data.get("dependencies") instanceof ObjectNode deps && !deps.has(name.textValue())) {
                    deps.put(name.textValue(), "*");
                }
            }
            data.set("bundleDependencies", kept);
        }
        homepage();
        if (!JsValues.truthy(data.get("readme"))) {
            data.put("readme", NO_README);
        }
        if (JsValues.truthy(data.get("author"))) {
            data.set("author", person(data.get("author")));
        }
        for (String set : List.of("maintainers", "contributors")) {
            if (data.get(set) instanceof ArrayNode people) {
                ArrayNode out = NODES.arrayNode();
                people.forEach(p -> out.add(person(p)));
                data.set(set, out);
            }
        }
    }

    private void bugs() {
        JsonNode bugs = data.get("bugs");
        JsonNode repoUrl = data.path("repository").get("url");
        if (!JsValues.truthy(bugs) && JsValues.truthy(repoUrl)) {
            HostedGit hosted = repoUrl.isTextual() ? HostedGit.fromUrl(repoUrl.textValue()) : null;
            if (hosted != null && hosted.bugs() != null) {
                data.set("bugs", NODES.objectNode().put("url", hosted.bugs()));
            }
        } else if (JsValues.truthy(bugs)) {
            if (bugs.isTextual()) {
                if (isEmail(bugs.textValue())) {
                    data.set("bugs", NODES.objectNode().put("email", bugs.textValue()));
                } else if (JsValues.canParseUrl(bugs.textValue())) {
                    data.set("bugs", NODES.objectNode().put("url", bugs.textValue()));
                }
            } else if (bugs instanceof ObjectNode object) {
                for (String k : fieldNames(object)) {
                    if (k.equals("web") || k.equals("name")) {
                        object.set("url", object.get(k));
                        object.remove(k);
                    }
                }
                ObjectNode fresh = NODES.objectNode();
                if (JsValues.truthy(object.get("url")) && JsValues.canParseUrl(object.get("url").asText())) {
                    fresh.set("url", object.get("url"));
                }
                JsonNode email = object.get("email");
                if (JsValues.truthy(email) && email.isTextual() && isEmail(email.textValue())) {
                    fresh.set("email", email);
                }
                data.set("bugs", fresh);
            }
            JsonNode now = data.get("bugs");
            if (!(now instanceof ObjectNode o && (JsValues.truthy(o.get("email")) || JsValues.truthy(o.get("url"))))) {
                data.remove("bugs");
            }
        }
    }

    private void homepage() {
        JsonNode repoUrl = data.path("repository").get("url");
        if (!JsValues.truthy(data.get("homepage")) && JsValues.truthy(data.get("repository")) && JsValues.truthy(repoUrl)) {
            HostedGit hosted = repoUrl.isTextual() ? HostedGit.fromUrl(repoUrl.textValue()) : null;
            if (hosted != null) {
                data.put("homepage", hosted.docs());
            }
        }
        JsonNode homepage = data.get("homepage");
        if (JsValues.truthy(homepage)) {
            if (!homepage.isTextual()) {
                data.remove("homepage");
            } else if (!JsValues.canParseUrl(homepage.textValue())) {
                data.put("homepage", "http://" + homepage.textValue());
            }
        }
    }

    /** stringifyPerson: {@code "Name <email> (url)"} or an object, to {@code {name, email, url}}. */
    static ObjectNode person(JsonNode value) {
        String person;
        if (value.isTextual()) {
            person = value.textValue();
        } else {
            String name = value.path("name").isMissingNode() || !JsValues.truthy(value.get("name")) ? "" : value.get("name").asText();
            JsonNode u = JsValues.truthy(value.get("url")) ? value.get("url") : value.get("web");
            JsonNode e = JsValues.truthy(value.get("email")) ? value.get("email") : value.get("mail");
            person = name + (JsValues.truthy(e) ? " <" + e.asText() + ">" : "") + (JsValues.truthy(u) ? " (" + u.asText() + ")" : "");
        }
        ObjectNode parsed = NODES.objectNode();
        Matcher name = Pattern.compile("^([^(<]+)").matcher(person);
        if (name.find() && !JsValues.jsTrim(name.group()).isEmpty()) {
            parsed.put("name", JsValues.jsTrim(name.group()));
        }
        Matcher email = Pattern.compile("<([^<>]+)>").matcher(person);
        if (email.find()) {
            parsed.put("email", email.group(1));
        }
        Matcher url = Pattern.compile("\\(([^()]+)\\)").matcher(person);
        if (url.find()) {
            parsed.put("url", url.group(1));
        }
        return parsed;
    }

    /** The first paragraph of a markdown readme that is not a heading. */
    static String extractDescription(String readme) {
        String[] lines = JsValues.jsTrim(readme).split("\n", -1);
        int start = 0;
        while (start < lines.length && (JsValues.jsTrim(lines[start]).startsWith("#") || JsValues.jsTrim(lines[start]).isEmpty())) {
            start++;
        }
        int end = start + 1;
        while (end < lines.length && !JsValues.jsTrim(lines[end]).isEmpty()) {
            end++;
        }
        List<String> paragraph = new ArrayList<>();
        for (int i = start; i < Math.min(end, lines.length); i++) {
            paragraph.add(lines[i]);
        }
        return JsValues.jsTrim(String.join(" ", paragraph));
    }

    private static boolean isEmail(String s) {
        return s.contains("@") && s.indexOf('@') < s.lastIndexOf('.');
    }

    private static ArrayNode filterStrings(JsonNode array) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode n : array) {
            if (n.isTextual() && !n.textValue().isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Stream<String> rootEntries() {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Paths below {@code root} (relative, {@code /}-separated), skipping names {@code keep} rejects, in the order
     * npm's glob 13 yields them: breadth first, each directory's entries in reverse name order (measured on a file
     * system that lists directories sorted, as this machine and macOS do; elsewhere npm's own order is arbitrary).
     */
    private static List<String> walk(Path root, Predicate<String> keep) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        java.util.ArrayDeque<String> directories = new java.util.ArrayDeque<>();
        directories.add("");
        while (!directories.isEmpty()) {
            String prefix = directories.poll();
            Path dir = prefix.isEmpty() ? root : root.resolve(prefix);
            for (String name : globOrder(dir)) {
                if (!keep.test(name)) {
                    continue;
                }
                String rel = prefix + name;
                out.add(rel);
                if (Files.isDirectory(dir.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    directories.add(rel + "/");
                }
            }
        }
        return out;
    }

    /** A directory's entry names in glob's order (reverse sorted). */
    private static List<String> globOrder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted(java.util.Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NpmregException("Cannot read " + file.toAbsolutePath() + ": " + e,
                    "Check that the file is readable and UTF-8.", e);
        }
    }
}
