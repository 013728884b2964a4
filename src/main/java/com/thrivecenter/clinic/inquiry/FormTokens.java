package com.thrivecenter.clinic.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The hidden token of each contact form shown: when it was shown and a one-time submission key, signed so a
 * robot can neither fake the time nor reuse a key. The key makes a double click store one inquiry.
 */
@Component
public class FormTokens {

    private final Signer signer;
    private final Clock clock;

    public FormTokens(Signer signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** A form as the server issued it. */
    public record IssuedForm(Instant shownAt, String submissionKey) {}

    public String issue() {
        String payload = clock.millis() + "." + UUID.randomUUID();
        return payload + "." + signer.sign(payload);
    }

    /** The form a token stands for; empty when the token is missing, altered or made up. */
    public Optional<IssuedForm> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        int firstDot = token.indexOf('.');
        if (firstDot <= 0
                || lastDot <= firstDot
                || !signer.verify(token.substring(0, lastDot), token.substring(lastDot + 1))) {
            return Optional.empty();
        }
        try {
            Instant shownAt = Instant.ofEpochMilli(Long.parseLong(token.substring(0, firstDot)));
            return Optional.of(new IssuedForm(shownAt, token.substring(firstDot + 1, lastDot)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
