package dev.keyhole.server.demo;

/**
 * The identities of the shipped local IAM file ({@code examples/local/iam.yaml}): keyhole's own user,
 * which may only assume the execution role. Demo values for the local engine, never real credentials.
 */
public final class LocalIdentities {

    /** The access key of the local {@code keyhole} user. */
    public static final String KEYHOLE_ACCESS_KEY = "AKIAKEYHOLEDEMO00001";
    /** Its secret. */
    public static final String KEYHOLE_SECRET = "keyhole-demo-secret-not-for-production-0001";
    /** The access key of the local {@code admin} user (seeds tables). */
    public static final String ADMIN_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    /** Its secret. */
    public static final String ADMIN_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private LocalIdentities() {}
}
