package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thrivecenter.clinic.SiteApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation as an operator runs it: the site with its keysets generated in the data folder, then the site
 * started with --rotate-data-key and with --retire-old-data-keys (as {@code java -jar} does, listening on no
 * port), then the site again.
 */
class DataKeyRotationIT {

    private static final String SEALED =
            "SELECT name_sealed, email_sealed, phone_sealed, message_sealed FROM inquiry ORDER BY id";

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String... command) {
        SpringApplication site = new SpringApplication(SiteApplication.class);
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("clinic") + ";WRITE_DELAY=0",
                "--clinic.data.dir=" + data,
                "--clinic.data.keyset=",
                "--clinic.data.index-keyset=",
                "--clinic.content.dir=src/test/resources/fixture-content"));
        if (command.length > 0) {
            args.addAll(List.of(command));
            return site.run(DataKeyCommand.withoutPort(args.toArray(String[]::new)));
        }
        args.add("--server.port=0");
        return site.run(args.toArray(String[]::new));
    }

    private int keysInKeyset() throws Exception {
        String json = Files.readString(data.resolve(PatientKeys.DATA_KEYSET_FILE), StandardCharsets.UTF_8);
        return json.split("\"keyId\"").length - 1;
    }

    @Test
    void rotationSealsEverythingAgainAndRetiredKeysOpenNothing() throws Exception {
        assertThat(DataKeyCommand.requested("--rotate-data-key")).isTrue();
        assertThat(DataKeyCommand.requested("--retire-old-data-keys")).isTrue();
        assertThat(DataKeyCommand.requested("--other")).isFalse();
        String reference;
        List<Map<String, Object>> before;
        try (ConfigurableApplicationContext site = start()) {
            reference = TestInquiry.anInquiry()
                    .from("Rotating Patient", "rotate@example.org")
                    .about(Reason.MIGRAINE, "Sealed before the rotation")
                    .submitTo(site.getBean(InquiryService.class));
            site.getBean(TransactionTemplate.class).executeWithoutResult(status -> site.getBean(InquiryInbox.class)
                    .addNote(reference, "staff@clinic.example", "A note from before"));
            before = site.getBean(JdbcClient.class).sql(SEALED).query().listOfRows();
        }
        assertThat(keysInKeyset()).isEqualTo(1);

        try (ConfigurableApplicationContext command = start("--rotate-data-key")) {
            List<Map<String, Object>> after =
                    command.getBean(JdbcClient.class).sql(SEALED).query().listOfRows();
            assertThat(after.get(0).values())
                    .doesNotContainAnyElementsOf(before.get(0).values());
        }
        assertThat(keysInKeyset()).isEqualTo(2);

        try (ConfigurableApplicationContext command = start("--retire-old-data-keys")) {
            assertThat(command.getBean(JdbcClient.class).sql(SEALED).query().listOfRows())
                    .isNotEqualTo(before);
        }
        assertThat(keysInKeyset()).isEqualTo(1);

        try (ConfigurableApplicationContext site = start()) {
            InquiryDetails opened =
                    site.getBean(InquiryInbox.class).find(reference).orElseThrow();
            assertThat(List.of(
                            opened.name(),
                            opened.email(),
                            opened.message(),
                            opened.notes().get(0).body()))
                    .containsExactly(
                            "Rotating Patient",
                            "rotate@example.org",
                            "Sealed before the rotation",
                            "A note from before");
            assertThat(site.getBean(InquiryInbox.class)
                            .search(InquiryFilter.of(null, "Rotate@Example.org"), 0, 10)
                            .items())
                    .extracting(InquirySummary::reference)
                    .containsExactly(reference);
            // A value sealed under the retired key, put back as if never rotated, no longer opens.
            site.getBean(JdbcClient.class)
                    .sql("UPDATE inquiry SET name_sealed = :old WHERE reference = :reference")
                    .param("old", before.get(0).get("name_sealed"))
                    .param("reference", reference)
                    .update();
        }
        assertThatThrownBy(this::start).rootCause().isInstanceOf(java.security.GeneralSecurityException.class);
        assertThatThrownBy(this::start).hasStackTraceContaining("does not open the stored inquiries");
    }
}
