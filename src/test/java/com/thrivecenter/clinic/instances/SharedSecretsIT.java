package com.thrivecenter.clinic.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.thrivecenter.clinic.EmbeddedPostgresServer;
import com.thrivecenter.clinic.site.HttpPages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Instance A runs on PostgreSQL with the test's shared secrets; another instance starting beside it with a different
 * one is refused with a message naming the setting (and never a key), as is one whose secret is unset; a keyset that
 * only adds a key A does not use is accepted; once A stops, a new secret may start. Every test leaves A running.
 */
class SharedSecretsIT {

    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresServer.start();

    @TempDir
    static Path data;

    private static ConfigurableApplicationContext a;

    @BeforeAll
    static void startA() throws GeneralSecurityException {
        AeadConfig.register();
        a = start(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (a != null) {
                a.close();
            }
        } finally {
            POSTGRES.close();
        }
    }

    @Test
    void anotherInquirySecretIsRefusedWhileAIsRunning() {
        assertRefused(Map.of("clinic.inquiries.secret", "another-inquiry-secret"), "clinic.inquiries.secret differs");
    }

    @Test
    void anotherAuditKeyIsRefusedWhileAIsRunning() {
        assertRefused(Map.of("clinic.data.audit-key", "another-audit-key"), "clinic.data.audit-key differs");
    }

    @Test
    void anUnrelatedDataKeysetIsRefusedWhileAIsRunning() throws GeneralSecurityException {
        String unrelated = json(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));

        assertRefused(Map.of("clinic.data.keyset", unrelated), "clinic.data.keyset differs");
    }

    @Test
    void anUnsetSecretIsRefusedInThePostgresProfileWithHowToMakeOne() {
        assertRefused(
                Map.of("clinic.inquiries.secret", ""),
                "clinic.inquiries.secret (env CLINIC_INQUIRIES_SECRET) is not set",
                "openssl rand -base64 32");
        assertThat(data.resolve("b").resolve("inquiry-secret.key")).doesNotExist();
    }

    @Test
    void aDataKeysetWithAnAddedKeyStartsBesideAAndADeadInstanceDoesNotCount() throws GeneralSecurityException {
        KeysetHandle running = TinkJsonProtoKeysetFormat.parseKeyset(
                a.getEnvironment().getRequiredProperty("clinic.data.keyset"), InsecureSecretKeyAccess.get());
        String withAnAddedKey = json(KeysetHandle.newBuilder(running)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId())
                .build());
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        // An instance that died an hour ago with other secrets: its row is still there, its heartbeat long stopped.
        jdbc.sql("INSERT INTO site_instance VALUES ('dead', 'gone', CURRENT_TIMESTAMP - INTERVAL '1 hour',"
                        + " CURRENT_TIMESTAMP - INTERVAL '1 hour')")
                .update();
        jdbc.sql("INSERT INTO site_instance_key VALUES ('dead', 'clinic.inquiries.secret', 'other', TRUE)")
                .update();

        try (ConfigurableApplicationContext b = start(Map.of("clinic.data.keyset", withAnAddedKey))) {
            assertThat(new HttpPages(TwoInstances.port(b)).get("/contact").statusCode())
                    .isEqualTo(200);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM site_instance")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM site_instance")
                        .query(Integer.class)
                        .single())
                .as("B's row went with B")
                .isEqualTo(1);
    }

    @Test
    void theDatabaseHoldsFingerprintsNeverTheSecrets() {
        List<String> fingerprints = a.getBean(JdbcClient.class)
                .sql("SELECT setting || ' ' || fingerprint FROM site_instance_key")
                .query(String.class)
                .list();

        assertThat(fingerprints)
                .extracting(row -> row.substring(0, row.indexOf(' ')))
                .containsOnly(
                        "clinic.inquiries.secret",
                        "clinic.data.audit-key",
                        "clinic.data.keyset",
                        "clinic.data.index-keyset");
        assertThat(String.join("\n", fingerprints))
                .doesNotContain("test-inquiry-secret", "test-audit-chain-key", "GiCAjBCx", "EgIIAxog");
    }

    @Test
    void onceAStopsAnInstanceWithANewSecretStartsAndThenAAgainWithItsOwn() {
        a.close();
        try (ConfigurableApplicationContext b = start(Map.of("clinic.inquiries.secret", "a-new-inquiry-secret"))) {
            assertThat(new HttpPages(TwoInstances.port(b)).get("/contact").statusCode())
                    .isEqualTo(200);
        } finally {
            a = start(Map.of());
        }
        assertThat(new HttpPages(TwoInstances.port(a)).get("/contact").statusCode())
                .isEqualTo(200);
    }

    private static ConfigurableApplicationContext start(Map<String, Object> settings) {
        return TwoInstances.start(POSTGRES, data.resolve(a == null || !a.isActive() ? "a" : "b"), settings);
    }

    private static void assertRefused(Map<String, Object> settings, String... said) {
        Throwable refused = catchThrowable(() -> start(settings).close());

        assertThat(refused).as("start-up refused").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        String message = String.join("\n", messages);
        assertThat(message).contains(said);
        settings.values().stream()
                .map(String::valueOf)
                .filter(value -> !value.isEmpty())
                .forEach(value -> assertThat(message).doesNotContain(value));
        assertThat(message).doesNotContain("test-inquiry-secret", "test-audit-chain-key");
        assertThat(a.getBean(JdbcClient.class)
                        .sql("SELECT COUNT(*) FROM site_instance")
                        .query(Integer.class)
                        .single())
                .as("the refused instance left no row")
                .isEqualTo(1);
    }

    private static String json(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }
}
