package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class SharedSecretTests {

    private static final byte[] SECRET = "a secret every instance shares".getBytes(StandardCharsets.UTF_8);

    @Test
    void aFingerprintIsStableShortAndShowsNothingOfTheSecret() {
        SharedSecret secret = SharedSecret.single("clinic.inquiries.secret", SECRET);

        assertThat(secret.primary())
                .isEqualTo(SharedSecret.single("clinic.inquiries.secret", SECRET.clone())
                        .primary())
                .hasSize(22)
                .doesNotContain("secret", "instance")
                .doesNotContain(Base64.getEncoder().encodeToString(SECRET).substring(0, 8))
                .doesNotContain(HexFormat.of().formatHex(SECRET).substring(0, 8));
        assertThat(secret.keys()).containsExactly(secret.primary());
        assertThat(secret.toString()).doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
    }

    @Test
    void singleSecretsAgreeOnlyWhenEqual() {
        SharedSecret one = SharedSecret.single("clinic.data.audit-key", SECRET);

        assertThat(one.agreesWith(SharedSecret.single("clinic.data.audit-key", SECRET.clone())))
                .isTrue();
        assertThat(one.agreesWith(
                        SharedSecret.single("clinic.data.audit-key", "another".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
    }

    @Test
    void keysetsAgreeWhenEachPrimaryIsHeldByTheOther() {
        byte[] old = {1, 2, 3};
        byte[] added = {4, 5, 6};
        SharedSecret running = keyset(10, Map.of(10L, old));
        SharedSecret withAnAddedKey = keyset(10, keys(10, old, 11, added));
        SharedSecret promoted = keyset(11, keys(10, old, 11, added));
        SharedSecret onlyTheNewKey = keyset(11, Map.of(11L, added));

        assertThat(running.agreesWith(withAnAddedKey)).isTrue();
        assertThat(withAnAddedKey.agreesWith(running)).isTrue();
        assertThat(withAnAddedKey.agreesWith(promoted)).isTrue();
        assertThat(running.agreesWith(promoted))
                .as("the new primary is not in the running keyset")
                .isFalse();
        assertThat(promoted.agreesWith(onlyTheNewKey)).isTrue();
        assertThat(running.agreesWith(onlyTheNewKey)).isFalse();
    }

    @Test
    void aKeyWithTheSameIdButOtherMaterialIsAnotherKey() {
        assertThat(keyset(10, Map.of(10L, new byte[] {1})).agreesWith(keyset(10, Map.of(10L, new byte[] {2}))))
                .isFalse();
    }

    @Test
    void aRefusalIsExplainedInPlainWordsAtStartUp() {
        FailureAnalysis analysis = new SharedSecretFailureAnalyzer()
                .analyze(new BeanCreationException(
                        "signer",
                        new SharedSecretRefused("clinic.inquiries.secret (env CLINIC_INQUIRIES_SECRET) is not set")));

        assertThat(analysis.getDescription())
                .isEqualTo("clinic.inquiries.secret (env CLINIC_INQUIRIES_SECRET) is not set");
        assertThat(analysis.getAction()).contains("Secrets every instance shares");
    }

    private static SharedSecret keyset(long primary, Map<Long, byte[]> material) {
        return SharedSecret.keyset("clinic.data.keyset", primary, material);
    }

    private static Map<Long, byte[]> keys(long firstId, byte[] first, long secondId, byte[] second) {
        Map<Long, byte[]> keys = new LinkedHashMap<>();
        keys.put(firstId, first);
        keys.put(secondId, second);
        return keys;
    }
}
