package com.thrivecenter.clinic.staff.factor;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;

/**
 * A staff account's passkeys, as Spring Security stores them: an "owner" row per account (named by its email) and a
 * credential row per passkey.
 */
@Service
public class Passkeys {

    /** What the account page shows of a passkey; {@code id} is its credential id, base64url as Spring stores it. */
    public record Passkey(String id, String label, Instant created, Instant lastUsed) {}

    private final PublicKeyCredentialUserEntityRepository owners;
    private final UserCredentialRepository credentials;

    public Passkeys(PublicKeyCredentialUserEntityRepository owners, UserCredentialRepository credentials) {
        this.owners = owners;
        this.credentials = credentials;
    }

    /** The account's passkeys, the newest first. */
    public List<Passkey> of(String email) {
        return records(email).stream()
                .map(record -> new Passkey(
                        record.getCredentialId().toBase64UrlString(),
                        record.getLabel(),
                        record.getCreated(),
                        record.getLastUsed()))
                .sorted(Comparator.comparing(Passkey::created).reversed())
                .toList();
    }

    public boolean any(String email) {
        return !records(email).isEmpty();
    }

    /** Removes one of the account's own passkeys; false when the account has no passkey of that id. */
    public boolean remove(String email, String id) {
        boolean owned = of(email).stream().anyMatch(passkey -> passkey.id().equals(id));
        if (owned) {
            credentials.delete(Bytes.fromBase64(id));
        }
        return owned;
    }

    /** Removes every passkey of the account, and its owner row; returns how many passkeys there were. */
    public int removeAll(String email) {
        PublicKeyCredentialUserEntity owner = owners.findByUsername(email);
        if (owner == null) {
            return 0;
        }
        List<CredentialRecord> all = credentials.findByUserId(owner.getId());
        all.forEach(record -> credentials.delete(record.getCredentialId()));
        owners.delete(owner.getId());
        return all.size();
    }

    private List<CredentialRecord> records(String email) {
        PublicKeyCredentialUserEntity owner = owners.findByUsername(email);
        return owner == null ? List.of() : credentials.findByUserId(owner.getId());
    }
}
