package io.github.npmreg.testing;

import java.net.URI;

/**
 * The in-test sigstore and the npmjs-like front of one invoker IT: {@code setup.groovy} starts both on the ports the
 * build reserved (the IT's POM and environment name them), {@code verify.groovy} reads what arrived and stops them.
 * As for {@link ItGitLab}, a static field carries them from one script to the other.
 */
public final class ItProvenance {
    private static TestSigstore sigstore;
    private static NpmjsFront front;

    private ItProvenance() {}

    /** Starts both, the front forwarding to the IT registry (stopping a previous IT's ones left running). */
    public static synchronized void start(Object sigstorePort, Object frontPort, Object itRegistryDir) {
        stop();
        ItRegistry registry = new ItRegistry(itRegistryDir);
        sigstore = TestSigstore.start(Integer.parseInt(String.valueOf(sigstorePort)));
        front = NpmjsFront.start(URI.create(registry.url()), registry.token(),
                Integer.parseInt(String.valueOf(frontPort)));
    }

    public static synchronized TestSigstore sigstore() {
        if (sigstore == null) {
            throw new IllegalStateException("setup.groovy did not start the test sigstore");
        }
        return sigstore;
    }

    public static synchronized NpmjsFront front() {
        if (front == null) {
            throw new IllegalStateException("setup.groovy did not start the npmjs front");
        }
        return front;
    }

    public static synchronized void stop() {
        if (front != null) {
            front.close();
            front = null;
        }
        if (sigstore != null) {
            sigstore.close();
            sigstore = null;
        }
    }
}
