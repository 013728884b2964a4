package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.thrivecenter.clinic.SharedSecret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patient data keysets as the start-up check of several instances sees them, and the command that makes them. */
class SharedKeysTests {

    @TempDir
    Path folder;

    @Test
    void newKeysetsAreWrittenOwnerOnlyOnceAndNeverOverwritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int made = NewKeysetsCommand.run(new String[] {"--new-keysets", folder.toString()}, print(out));

        assertThat(made).isZero();
        Path data = folder.resolve("data-keyset.json");
        Path index = folder.resolve("index-keyset.json");
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(index)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String dataJson = Files.readString(data);
        PatientCipher cipher = new PatientKeys(properties(data.toString(), index.toString())).cipher();
        assertThat(cipher.open(cipher.seal("hello", "place"), "place")).isEqualTo("hello");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(data.toString())
                .doesNotContain("keyData");
        try (var files = Files.list(folder)) {
            assertThat(files).as("no temporary file left").hasSize(2);
        }

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(NewKeysetsCommand.run(new String[] {"--new-keysets", folder.toString()}, print(again)))
                .isEqualTo(1);
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("exists already");
        assertThat(Files.readString(data)).isEqualTo(dataJson);
    }

    @Test
    void withoutAFolderTheCommandSaysHowToUseIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(NewKeysetsCommand.run(new String[] {"--new-keysets"}, print(out)))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage", "--new-keysets DIR");
    }

    @Test
    void aKeysetIsFingerprintedKeyByKeyWithoutItsMaterial() throws Exception {
        PatientKeys.registerKeyTypes();
        KeysetHandle running = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        KeysetHandle withAnAddedKey = KeysetHandle.newBuilder(running)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId())
                .build();
        KeysetHandle unrelated = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String index = json(KeysetHandle.generateNew(PatientKeys.INDEX_PARAMETERS));

        SharedSecret first = dataKeyset(json(running), index);
        SharedSecret second = dataKeyset(json(withAnAddedKey), index);
        SharedSecret other = dataKeyset(json(unrelated), index);

        assertThat(first.setting()).isEqualTo("clinic.data.keyset");
        assertThat(first.primary())
                .startsWith(Integer.toUnsignedString(running.getPrimary().getId()) + ":");
        assertThat(second.keys()).hasSize(2).contains(first.primary());
        assertThat(first.agreesWith(second)).isTrue();
        assertThat(first.agreesWith(other)).isFalse();
        String material = json(running).replaceAll("(?s).*\"value\":\"([^\"]+)\".*", "$1");
        assertThat(String.join(",", first.keys())).doesNotContain(material.substring(4, 16));
    }

    @Test
    void withGeneratingOffAnEmptySettingRefusesStartUpAndSaysHowToMakeOne() {
        DataProperties shared = new DataProperties(folder, "", "", "", false);

        assertThatThrownBy(() -> new PatientKeys(shared).cipher())
                .hasMessageContaining("clinic.data.keyset (env CLINIC_DATA_KEYSET) is not set")
                .hasMessageContaining("--new-keysets DIR");
        assertThatThrownBy(() -> shared.secret("", "clinic.inquiries.secret", "inquiry-secret.key"))
                .hasMessageContaining("clinic.inquiries.secret (env CLINIC_INQUIRIES_SECRET) is not set")
                .hasMessageContaining("openssl rand -base64 32");
        assertThat(folder).isEmptyDirectory();
    }

    private SharedSecret dataKeyset(String data, String index) {
        Map<String, SharedSecret> bySetting = new PatientKeys(properties(data, index))
                .sharedSecrets().stream().collect(Collectors.toMap(SharedSecret::setting, Function.identity()));
        assertThat(bySetting).containsOnlyKeys("clinic.data.keyset", "clinic.data.index-keyset");
        return bySetting.get("clinic.data.keyset");
    }

    private DataProperties properties(String data, String index) {
        return new DataProperties(folder, data, index, "", false);
    }

    private static String json(KeysetHandle keyset) throws Exception {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
