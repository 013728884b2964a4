package com.thrivecenter.clinic.staff.audit;

import com.thrivecenter.clinic.SharedSecret;
import com.thrivecenter.clinic.SharedSecrets;
import com.thrivecenter.clinic.inquiry.DataProperties;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The secret each link of the audit chain is sealed with (HMAC-SHA256). Kept apart from the database, so someone
 * who can change the audit table cannot also recompute a chain that checks out.
 */
@Component
public class AuditChainKey implements SharedSecrets {

    static final String FILE = "audit-chain.key";
    static final String SETTING = "clinic.data.audit-key";

    private final SecretKeySpec key;

    @Autowired
    public AuditChainKey(DataProperties data) {
        this(data.secret(data.auditKey(), SETTING, FILE));
    }

    AuditChainKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, ChainedEvent.ALGORITHM);
    }

    @Override
    public List<SharedSecret> sharedSecrets() {
        return List.of(SharedSecret.single(SETTING, key.getEncoded()));
    }

    SecretKeySpec key() {
        return key;
    }
}
