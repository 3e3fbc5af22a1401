package io.github.npmreg.maven;

import io.github.npmreg.doctor.Doctor;
import io.github.npmreg.doctor.DoctorContext;
import io.github.npmreg.doctor.RegistryClientNetwork;
import io.github.npmreg.doctor.Report;
import io.github.npmreg.doctor.Status;
import io.github.npmreg.registry.RegistryClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Troubleshoots the release {@code mvn deploy} would make (the same parameters: version, registry, serverId, tag,
 * requireTag, skipExisting...): package, registry choice, credentials, network, authentication and rights (with
 * read-only requests), the GitLab project, publishing state and CI. One line per check; each problem with its cause,
 * evidence and fix, consequences of a failed check skipped. Fails the build when a check failed.
 */
@Mojo(name = "verify", threadSafe = true, requiresProject = false)
public class VerifyMojo extends AbstractRegistryMojo {
    /** {@code text} (the build log) or {@code json} (also written to {@code target/npmreg/verify.json}). */
    @Parameter(property = PropertyNames.VERIFY_FORMAT, defaultValue = "text")
    private String format;

    /** Only the local checks, no network ({@code mvn -o} does the same). */
    @Parameter(property = PropertyNames.OFFLINE, defaultValue = "false")
    private boolean offline;

    @Inject
    public VerifyMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() throws MojoFailureException {
        boolean noNetwork = offline || session.isOffline();
        Map<String, String> env = environment();
        DoctorContext.Builder builder = DoctorSetup.read(this, env).clock(Clock.systemUTC());
        io.github.npmreg.pack.PackResult packed = PackedPackage.packedInThisBuild(project);
        if (packed != null) {
            builder.tarball(packed.tarball());
        }
        Report report;
        DoctorContext.RegistryChoice choice = builder.registry();
        if (noNetwork || choice == null || "(invalid)".equals(choice.url())) {
            report = Doctor.standard().run(builder.build(), Doctor.categoriesFor(true));
        } else {
            URI url = URI.create(choice.url());
            try (RegistryClient client = client(url)) {
                report = Doctor.standard().run(builder.network(new RegistryClientNetwork(client, clientConfig(url))).build(),
                        Doctor.categoriesFor(false));
            }
        }
        for (String line : report.toText().split("\\R")) {
            if (line.startsWith("[FAIL]")) {
                buildLog().warn(line);
            } else {
                buildLog().info(line);
            }
        }
        if ("json".equalsIgnoreCase(format)) {
            Path json = workDir().resolve("verify.json");
            report.writeJson(json);
            getLog().info("Wrote " + json);
        }
        if (report.failed()) {
            throw new MojoFailureException("npmreg:verify found " + report.counts().get(Status.FAIL)
                    + " problem(s); each is listed above with its cause and fix.");
        }
    }

    @Override
    protected boolean inSummary() {
        return false;
    }

    @Override
    protected String goalName() {
        return "npmreg:verify";
    }

    @Override
    protected boolean skipGoal() {
        return false;
    }

    @Override
    protected String skipProperty() {
        return PropertyNames.SKIP;
    }
}
