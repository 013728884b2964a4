package com.thrivecenter.clinic.staff.factor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The second factor's settings, beside the other staff settings.
 *
 * @param mfa          {@code off} or {@code required} (env CLINIC_STAFF_MFA); the postgres profile requires it. In
 *                     YAML write {@code "off"} in quotes: bare, YAML reads it as false
 * @param codeValidity how long a code sent by email can be used (once)
 */
@ConfigurationProperties("clinic.staff")
public record SecondFactorProperties(
        @DefaultValue("off") SecondFactorRule mfa, @DefaultValue("5m") Duration codeValidity) {

    public boolean required() {
        return mfa == SecondFactorRule.REQUIRED;
    }
}
