package deepdash.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret every request must carry when DeepDash is reachable beyond loopback. Generated ones are
 * 192 random bits from {@link SecureRandom}, URL-safe base64 so they fit in the printed URL as is.
 */
public final class AccessToken {

    /** 24 bytes = 192 bits, comfortably above the 128 a guessing attack would have to beat. */
    static final int GENERATED_BYTES = 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] digest;

    public AccessToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an access token cannot be empty");
        }
        this.digest = sha256(token);
    }

    /** A fresh random token, URL-safe base64 without padding (32 characters). */
    public static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether {@code candidate} is the token. Both sides are hashed first so that
     * {@link MessageDigest#isEqual} compares equal lengths in constant time and a wrong guess tells
     * nothing about how long the token is or how much of it matched.
     */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(candidate));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
