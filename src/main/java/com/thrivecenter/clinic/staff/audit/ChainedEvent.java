package com.thrivecenter.clinic.staff.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;

/**
 * One audit row as the chain sees it: everything its hash covers. The encoding is unambiguous (each text
 * length-prefixed, a missing one marked as such) and the time is whole microseconds, which H2 and PostgreSQL
 * both keep exactly.
 */
record ChainedEvent(
        long id,
        Instant at,
        String actor,
        String action,
        String target,
        String detail,
        List<String> inquiries,
        String previousHash) {

    /** The previous hash of the first row. */
    static final String GENESIS = "0".repeat(64);

    ChainedEvent {
        inquiries = inquiries.stream().sorted().toList();
    }

    static final String ALGORITHM = "HmacSHA256";

    /** The HMAC-SHA256 of the encoded fields under the chain's key, in lower-case hex. */
    String hash(AuditChainKey key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(id);
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
            text(out, actor);
            text(out, action);
            text(out, target);
            text(out, detail);
            out.writeInt(inquiries.size());
            for (String reference : inquiries) {
                text(out, reference);
            }
            text(out, previousHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(mac(key).doFinal(bytes.toByteArray()));
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static Mac mac(AuditChainKey key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key.key());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HMAC-SHA256", e);
        }
    }
}
