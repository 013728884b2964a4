package com.thrivecenter.clinic.inquiry;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("clinic.data")
public record DataProperties(
        @DefaultValue("./data") Path dir,
        @DefaultValue("") String keyset,
        @DefaultValue("") String indexKeyset,
        @DefaultValue("") String auditKey) {}
