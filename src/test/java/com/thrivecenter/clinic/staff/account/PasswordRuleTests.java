package com.thrivecenter.clinic.staff.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRuleTests {

    @Test
    void theShippedListHoldsTheTenThousandMostCommonPasswords() {
        assertThat(CommonPasswords.size()).isGreaterThanOrEqualTo(10_000);
        assertThat(CommonPasswords.contains("password")).isTrue();
        assertThat(CommonPasswords.contains("# The 10,000 most common passwords"))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unbelievable", "Scandinavian", "MOTHERFUCKER", "films+pic+galeries"})
    void aCommonPasswordLongEnoughIsRefusedInAnyCase(String common) {
        assertThat(PasswordRule.problem(common)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("This password is one of the most common"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "unbelievable scandinavian", "Kestrel-Orchard-42"})
    void aLongUncommonPasswordIsAccepted(String strong) {
        assertThat(PasswordRule.problem(strong)).isEmpty();
    }

    @Test
    void aShortCommonPasswordHearsAboutItsLengthFirst() {
        assertThat(PasswordRule.problem("password"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("at least 12 characters"));
    }
}
