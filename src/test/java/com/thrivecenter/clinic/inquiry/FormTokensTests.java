package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.MutableClock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormTokensTests {

    private final MutableClock clock = new MutableClock();
    private final FormTokens tokens = new FormTokens(new Signer("test-secret".getBytes(StandardCharsets.UTF_8)), clock);

    @Test
    void aTokenCarriesWhenTheFormWasShownAndAOneTimeKey() {
        String token = tokens.issue();
        FormTokens.IssuedForm form = tokens.read(token).orElseThrow();

        assertThat(form.shownAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(form.submissionKey()).hasSize(36);
        assertThat(tokens.read(tokens.issue()).orElseThrow().submissionKey()).isNotEqualTo(form.submissionKey());
    }

    @Test
    void alteredOrMadeUpTokensAreRefused() {
        String token = tokens.issue();
        String[] parts = token.split("\\.");
        String earlier = (Long.parseLong(parts[0]) - 60_000) + "." + parts[1] + "." + parts[2];

        assertThat(tokens.read(earlier)).isEmpty();
        assertThat(tokens.read(token + "x")).isEmpty();
        assertThat(tokens.read(null)).isEmpty();
        assertThat(tokens.read("")).isEmpty();
        assertThat(tokens.read("not.a.token")).isEmpty();
        assertThat(tokens.read("....")).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        Signer other = new Signer("another-secret".getBytes(StandardCharsets.UTF_8));

        assertThat(new FormTokens(other, clock).read(tokens.issue())).isEmpty();
    }
}
