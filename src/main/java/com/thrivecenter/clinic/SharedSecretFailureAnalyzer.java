package com.thrivecenter.clinic;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator why the site refused to start over a shared secret in plain words, not as a stack trace. */
class SharedSecretFailureAnalyzer extends AbstractFailureAnalyzer<SharedSecretRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SharedSecretRefused cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Give every instance the same clinic.inquiries.secret, clinic.data.keyset, clinic.data.index-keyset"
                        + " and clinic.data.audit-key (README: \"Secrets every instance shares\").",
                cause);
    }
}
