package com.thrivecenter.clinic.inquiry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** Keyed hashes (HMAC-SHA256) with the inquiry secret: for form tokens, and for client addresses we must not keep. */
@Component
public class Signer {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Signer(InquiryProperties properties) {
        byte[] secret = properties.secret().isBlank() ? randomSecret() : properties.secret().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** URL-safe Base64 of the HMAC of the text. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    public boolean verify(String text, String signature) {
        return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
