package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.SecretKeyFile;
import com.thrivecenter.clinic.SharedSecretRefused;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the site keeps its own files (env CLINIC_DATA_DIR), and the keys that seal patient data.
 *
 * @param dir the data folder: the embedded database, and the inquiry secret and data keysets when none are
 *     configured
 * @param keyset the Tink keyset (AES-256-GCM) that encrypts patient data (env CLINIC_DATA_KEYSET): the path of a
 *     keyset file, or the keyset's JSON itself (starting with "{"); empty: {@code data-keyset.json} in the data
 *     folder, generated on first start
 * @param indexKeyset the Tink keyset (HMAC-SHA256 PRF) of the blind indexes that find patients by exact email,
 *     phone or name (env CLINIC_DATA_INDEX_KEYSET): a path or JSON as above; empty: {@code index-keyset.json} in the
 *     data folder, generated on first start
 * @param auditKey the secret that seals the audit log's chain (env CLINIC_DATA_AUDIT_KEY), the same on every
 *     instance; empty: {@code audit-chain.key} in the data folder, generated on first start
 * @param generateKeys whether a secret or keyset whose setting is empty is generated into the data folder on first
 *     start (one instance alone); off in the postgres profile, where every instance sharing the database needs the
 *     same values, so an empty one refuses start-up instead
 */
@ConfigurationProperties("clinic.data")
public record DataProperties(
        @DefaultValue("./data") Path dir,
        @DefaultValue("") String keyset,
        @DefaultValue("") String indexKeyset,
        @DefaultValue("") String auditKey,
        @DefaultValue("true") boolean generateKeys) {

    /**
     * The configured secret or, when its setting is empty, one generated once into the data folder; with
     * {@code generateKeys} off an empty setting refuses start-up, naming the setting and how to make a value.
     */
    public byte[] secret(String configured, String setting, String fileName) {
        if (!configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        if (!generateKeys) {
            throw notSet(setting, "make one with `openssl rand -base64 32`");
        }
        return SecretKeyFile.readOrCreate(dir.resolve(fileName));
    }

    static SharedSecretRefused notSet(String setting, String howToMakeOne) {
        String variable = setting.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT);
        return new SharedSecretRefused(setting + " (env " + variable + ") is not set. Every instance sharing the "
                + "database must use the same value, so none is generated here (clinic.data.generate-keys is off, "
                + "as in the postgres profile): " + howToMakeOne + " and give the same value to every instance.");
    }
}
