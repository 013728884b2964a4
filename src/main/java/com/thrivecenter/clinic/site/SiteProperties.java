package com.thrivecenter.clinic.site;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The clinic's details, from {@code clinic.*} settings (env CLINIC_NAME, CLINIC_PHONE, CLINIC_EMAIL,
 * CLINIC_ADDRESS, CLINIC_HOURS, CLINIC_BASE_URL). Templates read them all from the one model attribute "clinic".
 * {@code openingHours} says the hours again for search engines, in schema.org's form ("Mo-Fr 09:00-17:00").
 */
@Validated
@ConfigurationProperties("clinic")
public record SiteProperties(
        @NotBlank String name,
        @NotBlank String phone,
        @NotBlank String email,
        @NotBlank String address,
        @NotBlank String hours,
        @NotBlank String openingHours,
        URI baseUrl) {

    /** The public address of a site path such as "/migraine/stages", from the base URL. */
    public String absoluteUrl(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** The phone number as a tel: link, keeping only its digits and a leading plus. */
    public String phoneHref() {
        return "tel:" + phone.replaceAll("[^+0-9]", "");
    }
}
