package com.thrivecenter.clinic.staff.audit;

import com.thrivecenter.clinic.SecretKeyFile;
import com.thrivecenter.clinic.inquiry.DataProperties;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The secret each link of the audit chain is sealed with (HMAC-SHA256). Kept apart from the database, so someone
 * who can change the audit table cannot also recompute a chain that checks out.
 */
@Component
public class AuditChainKey {

    static final String FILE = "audit-chain.key";

    private final SecretKeySpec key;

    @Autowired
    public AuditChainKey(DataProperties data) {
        this(
                data.auditKey().isBlank()
                        ? SecretKeyFile.readOrCreate(data.dir().resolve(FILE))
                        : data.auditKey().getBytes(StandardCharsets.UTF_8));
    }

    AuditChainKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, ChainedEvent.ALGORITHM);
    }

    SecretKeySpec key() {
        return key;
    }
}
