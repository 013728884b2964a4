package com.thrivecenter.clinic.inquiry;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the data key. {@link #rotate()} adds a new primary key to the keyset file, then seals every stored value
 * again under it; the old keys stay in the keyset, so a copy of the site still running with the old keyset file
 * reads on until it restarts. {@link #retireOldKeys()} seals everything once more under the primary key and then
 * removes every other key: nothing sealed under a retired key is left to open. The keyset file is written before
 * the rows, so a failure in between leaves every value openable.
 */
@Service
public class DataKeyRotation {

    /** What a rotation or retirement did, without any key material. */
    public record Outcome(int keys, int valuesSealedAgain) {}

    private final PatientKeys keys;
    private final SealedRows rows;
    private final TransactionTemplate transaction;

    public DataKeyRotation(PatientKeys keys, SealedRows rows, TransactionTemplate transaction) {
        this.keys = keys;
        this.rows = rows;
        this.transaction = transaction;
    }

    public Outcome rotate() {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(keys.data().read())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
            keys.data().write(rotated);
            return new Outcome(rotated.size(), resealUnder(rotated));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not add a new data key", e);
        }
    }

    public Outcome retireOldKeys() {
        KeysetHandle current = keys.data().read();
        int resealed = resealUnder(current);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
        for (int i = builder.size() - 1; i >= 0; i--) {
            if (!builder.getAt(i).isPrimary()) {
                builder.deleteAt(i);
            }
        }
        try {
            KeysetHandle retired = builder.build();
            keys.data().write(retired);
            return new Outcome(retired.size(), resealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not remove the old data keys", e);
        }
    }

    private int resealUnder(KeysetHandle keyset) {
        PatientCipher cipher = keys.cipher(keyset);
        return transaction.execute(status -> rows.resealAll(cipher));
    }
}
