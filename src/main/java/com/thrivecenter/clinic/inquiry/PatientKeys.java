package com.thrivecenter.clinic.inquiry;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.proto.Keyset;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.thrivecenter.clinic.SharedSecret;
import com.thrivecenter.clinic.SharedSecrets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The two keysets of patient data: the data keyset (AES-256-GCM, rotated with {@code --rotate-data-key}) and the
 * index keyset (HMAC-SHA256, never rotated: a new index key would need every index recomputed from the sealed
 * values, and the index reveals only whether two rows share an email, phone or name).
 */
@Component
public class PatientKeys implements SharedSecrets {

    static final String DATA_KEYSET_FILE = "data-keyset.json";
    static final String INDEX_KEYSET_FILE = "index-keyset.json";
    static final Parameters DATA_PARAMETERS = PredefinedAeadParameters.AES256_GCM;
    static final Parameters INDEX_PARAMETERS = PredefinedPrfParameters.HMAC_SHA256_PRF;

    private final KeysetSource data;
    private final KeysetSource index;

    public PatientKeys(DataProperties properties) {
        registerKeyTypes();
        this.data = new KeysetSource(
                "clinic.data.keyset",
                properties.keyset(),
                properties.dir().resolve(DATA_KEYSET_FILE),
                properties.generateKeys(),
                DATA_PARAMETERS);
        this.index = new KeysetSource(
                "clinic.data.index-keyset",
                properties.indexKeyset(),
                properties.dir().resolve(INDEX_KEYSET_FILE),
                properties.generateKeys(),
                INDEX_PARAMETERS);
    }

    /** Tink's AEAD and PRF key types, registered once per process (a second registration changes nothing). */
    static void registerKeyTypes() {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AEAD and PRF key types could not be registered", e);
        }
    }

    /** Both keysets as they are now, by the fingerprints of their keys. */
    @Override
    public List<SharedSecret> sharedSecrets() {
        return List.of(shared(data.name(), data.read()), shared(index.name(), index.read()));
    }

    private static SharedSecret shared(String setting, KeysetHandle keyset) {
        try {
            Keyset keys = Keyset.parseFrom(
                    TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
                    ExtensionRegistryLite.getEmptyRegistry());
            Map<Long, byte[]> material = new LinkedHashMap<>();
            // Tink's key ids are unsigned 32-bit numbers.
            keys.getKeyList()
                    .forEach(key -> material.put(
                            Integer.toUnsignedLong(key.getKeyId()),
                            key.getKeyData().getValue().toByteArray()));
            return SharedSecret.keyset(setting, Integer.toUnsignedLong(keys.getPrimaryKeyId()), material);
        } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
            throw new IllegalStateException("Could not read the keys of " + setting, e);
        }
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
