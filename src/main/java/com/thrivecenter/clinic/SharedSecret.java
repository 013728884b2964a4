package com.thrivecenter.clinic;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret that every instance sharing the database must hold, told by keyed fingerprints only: each key's
 * fingerprint is an HMAC-SHA256 of a fixed label under that key, truncated, so whoever reads it learns neither the
 * key nor anything signed with it. A keyset holds several keys: the one it uses (its primary) must be among the keys
 * of every other instance, and theirs among its own, so a new key can be rolled in one instance at a time. A single
 * secret is a keyset of one key, so for it this means equal.
 *
 * @param setting the setting that holds it, for messages
 * @param primary the fingerprint of the key in use
 * @param keys the fingerprints of every key held, the primary among them
 */
public record SharedSecret(String setting, String primary, Set<String> keys) {

    private static final byte[] LABEL = "clinic-site shared secret fingerprint v1".getBytes(StandardCharsets.US_ASCII);
    private static final int FINGERPRINT_BYTES = 16;

    public SharedSecret {
        keys = Set.copyOf(keys);
        if (!keys.contains(primary)) {
            throw new IllegalArgumentException("The primary key of " + setting + " is not among its keys");
        }
    }

    /** One secret, such as an HMAC key. */
    public static SharedSecret single(String setting, byte[] secret) {
        String fingerprint = fingerprint(secret);
        return new SharedSecret(setting, fingerprint, Set.of(fingerprint));
    }

    /** A keyset: each key is told by its id and the fingerprint of its material. */
    public static SharedSecret keyset(String setting, long primaryId, Map<Long, byte[]> materialById) {
        if (!materialById.containsKey(primaryId)) {
            throw new IllegalArgumentException("The primary key of " + setting + " is not in its keyset");
        }
        Set<String> keys = new LinkedHashSet<>();
        materialById.forEach((id, material) -> keys.add(id + ":" + fingerprint(material)));
        return new SharedSecret(setting, primaryId + ":" + fingerprint(materialById.get(primaryId)), keys);
    }

    /** Whether two instances can work side by side: each one's primary key is held by the other. */
    public boolean agreesWith(SharedSecret other) {
        return keys.contains(other.primary) && other.keys.contains(primary);
    }

    static String fingerprint(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(Arrays.copyOf(mac.doFinal(LABEL), FINGERPRINT_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
