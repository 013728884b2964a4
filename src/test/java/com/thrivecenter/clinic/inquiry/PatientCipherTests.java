package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thrivecenter.clinic.inquiry.PatientCipher.SealedValueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientCipherTests {

    @TempDir
    Path data;

    private PatientKeys keys() {
        return new PatientKeys(new DataProperties(data, "", "", "", true));
    }

    @Test
    void aSealedValueOpensOnlyInItsOwnPlace() {
        PatientCipher cipher = keys().cipher();
        String name = PatientCipher.inquiryPlace("TCH-AAAAAA", "name");

        String sealed = cipher.seal("Rosa Example", name);

        assertThat(sealed).doesNotContain("Rosa");
        assertThat(cipher.seal("Rosa Example", name)).isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, name)).isEqualTo("Rosa Example");
        assertThatThrownBy(() -> cipher.open(sealed, PatientCipher.inquiryPlace("TCH-BBBBBB", "name")))
                .isInstanceOf(SealedValueException.class)
                .hasMessageNotContaining("Rosa");
        assertThatThrownBy(() -> cipher.open(sealed, PatientCipher.inquiryPlace("TCH-AAAAAA", "message")))
                .isInstanceOf(SealedValueException.class);
    }

    @Test
    void blindIndexesMatchTheSameValueWrittenDifferently() {
        PatientCipher cipher = keys().cipher();

        assertThat(cipher.emailIndex(" Pat@Example.ORG ")).isEqualTo(cipher.emailIndex("pat@example.org"));
        assertThat(cipher.phoneIndex("+1 (555) 010-0142")).isEqualTo(cipher.phoneIndex("15550100142"));
        assertThat(cipher.nameIndex("  rosa   EXAMPLE ")).isEqualTo(cipher.nameIndex("Rosa Example"));
        assertThat(cipher.nameIndex("Rosa")).isNotEqualTo(cipher.nameIndex("Rosa Example"));
        assertThat(cipher.emailIndex("rosa")).isNotEqualTo(cipher.nameIndex("rosa"));
        assertThat(cipher.phoneIndex("no digits")).isEmpty();
        assertThat(cipher.emailIndex("pat@example.org").orElseThrow())
                .doesNotContain("pat")
                .hasSize(43);
    }

    @Test
    void theKeysetsAreGeneratedOnceInTheDataFolderForTheOwnerOnly() throws Exception {
        PatientCipher first = keys().cipher();
        String sealed = first.seal("kept", "place");

        PatientCipher again = keys().cipher();

        assertThat(again.open(sealed, "place")).isEqualTo("kept");
        assertThat(again.emailIndex("a@b.example")).isEqualTo(first.emailIndex("a@b.example"));
        for (String file : new String[] {PatientKeys.DATA_KEYSET_FILE, PatientKeys.INDEX_KEYSET_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))))
                    .isEqualTo("rw-------");
        }
        try (var files = Files.list(data)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(PatientKeys.DATA_KEYSET_FILE, PatientKeys.INDEX_KEYSET_FILE);
        }
    }

    @Test
    void aConfiguredKeysetFileThatIsMissingIsAnErrorNotANewKey() {
        Path missing = data.resolve("elsewhere/keyset.json");

        assertThatThrownBy(() -> new PatientKeys(new DataProperties(data, missing.toString(), "", "", true)).cipher())
                .hasMessageContaining("No data keyset at " + missing);
        assertThat(missing).doesNotExist();
    }
}
