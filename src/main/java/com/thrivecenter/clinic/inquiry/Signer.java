package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.SharedSecret;
import com.thrivecenter.clinic.SharedSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) with the inquiry secret: for form tokens, thank-you addresses, and client addresses we
 * must not keep. The secret is the configured one or, without it, one kept in the data folder, so a restart keeps
 * earlier forms and links valid and the rate limit counting.
 */
@Component
public class Signer implements SharedSecrets {

    static final String SECRET_FILE = "inquiry-secret.key";
    static final String SETTING = "clinic.inquiries.secret";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Autowired
    public Signer(InquiryProperties properties, DataProperties data) {
        this(data.secret(properties.secret(), SETTING, SECRET_FILE));
    }

    Signer(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    @Override
    public List<SharedSecret> sharedSecrets() {
        return List.of(SharedSecret.single(SETTING, key.getEncoded()));
    }

    /** URL-safe Base64 of the HMAC of the text. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    public boolean verify(String text, String signature) {
        return MessageDigest.isEqual(
                sign(text).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
