package com.thrivecenter.clinic.inquiry;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Component;

/**
 * The two keysets of patient data: the data keyset (AES-256-GCM, rotated with {@code --rotate-data-key}) and the
 * index keyset (HMAC-SHA256, never rotated: a new index key would need every index recomputed from the sealed
 * values, and the index reveals only whether two rows share an email, phone or name).
 */
@Component
public class PatientKeys {

    static final String DATA_KEYSET_FILE = "data-keyset.json";
    static final String INDEX_KEYSET_FILE = "index-keyset.json";

    private final KeysetSource data;
    private final KeysetSource index;

    public PatientKeys(DataProperties properties) {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AEAD and PRF key types could not be registered", e);
        }
        this.data = new KeysetSource(
                properties.keyset(), properties.dir().resolve(DATA_KEYSET_FILE), PredefinedAeadParameters.AES256_GCM);
        this.index = new KeysetSource(
                properties.indexKeyset(),
                properties.dir().resolve(INDEX_KEYSET_FILE),
                PredefinedPrfParameters.HMAC_SHA256_PRF);
    }

    KeysetSource data() {
        return data;
    }

    /** A cipher with the current keysets. */
    PatientCipher cipher() {
        return cipher(data.read());
    }

    /** A cipher sealing under the given data keyset's primary key, and opening under any of its keys. */
    PatientCipher cipher(KeysetHandle dataKeyset) {
        return new PatientCipher(dataKeyset, index.read());
    }
}
