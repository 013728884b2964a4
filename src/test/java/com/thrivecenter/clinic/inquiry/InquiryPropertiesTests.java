package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The inquiry settings as the site binds them. */
class InquiryPropertiesTests {

    @Test
    void unsetFivePerAddressAreAllowedAndTwoSendersSend() {
        InquiryProperties properties = bind(Map.of());

        assertThat(properties.rateLimitMax()).isEqualTo(5);
        assertThat(properties.senders()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"rate-limit-max, 0", "rate-limit-max, -3", "senders, 0"})
    void aCountBelowOneIsRefusedNamingTheSetting(String setting, String value) {
        assertThatThrownBy(() -> bind(Map.of("clinic.inquiries." + setting, value)))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessage("clinic.inquiries." + setting + " must be 1 or more, not " + value);
    }

    private static InquiryProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("clinic.inquiries", InquiryProperties.class);
    }
}
