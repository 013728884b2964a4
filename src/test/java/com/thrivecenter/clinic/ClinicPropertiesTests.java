package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The clinic's details as the site binds them: defaults for a site with nothing set, and no blank detail. */
class ClinicPropertiesTests {

    @Test
    void unsetTheyArePlaceholdersTheSiteCanStartWith() {
        ClinicProperties clinic = bind(Map.of());

        assertThat(clinic.name()).isEqualTo("Thrive Center for Health");
        assertThat(clinic.phoneHref()).isEqualTo("tel:5550100100");
        assertThat(clinic.prices()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "phone", "email", "address", "hours", "opening-hours", "drive-after"})
    void aBlankDetailIsRefusedNamingTheSetting(String setting) {
        assertThatThrownBy(() -> bind(Map.of("clinic." + setting, " ")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessage("clinic." + setting + " must not be blank");
    }

    private static ClinicProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("clinic", ClinicProperties.class);
    }
}
