package io.github.npmreg.doctor;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

final class Networks {
    private Networks() {}

    /** The real JDK network with the JVM's default trust store and no proxy. */
    static Network direct() {
        try {
            return new JdkNetwork(SSLContext.getDefault(), null, Duration.ofSeconds(5));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
