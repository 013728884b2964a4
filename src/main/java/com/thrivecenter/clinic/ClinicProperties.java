package com.thrivecenter.clinic;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clinic's details, from {@code clinic.*} settings (env CLINIC_NAME, CLINIC_PHONE, CLINIC_EMAIL,
 * CLINIC_ADDRESS, CLINIC_HOURS, CLINIC_OPENING_HOURS, CLINIC_BASE_URL). Templates read them all from the one model
 * attribute "clinic". The defaults let the site start with nothing configured; the phone number and address are
 * placeholders (555-01xx numbers are reserved for fiction) until the clinic's real details are set.
 *
 * @param name         the clinic's name, in the header, titles and footer
 * @param phone        the phone number, shown in the footer and on error pages as a tel: link
 * @param email        the email address shown in the footer; also the default sender and recipient of the site's mail
 * @param address      the street address, on one line
 * @param hours        the opening hours, on one line, as people read them
 * @param openingHours the same hours for search engines, in schema.org's form
 * @param baseUrl      the public address of the site, for links in mail, the sitemap and structured data
 * @param prices       the clinic's prices as it wants them said on its pages ({{prices}}); blank: pages say "ask us"
 * @param driveAfter   when a patient may drive again after an infusion, as pages say it ({{drive-after}})
 */
@ConfigurationProperties("clinic")
public record ClinicProperties(
        @DefaultValue("Thrive Center for Health") String name,
        @DefaultValue("(555) 010-0100") String phone,
        @DefaultValue("info@example.com") String email,
        @DefaultValue("100 Example Street, Springfield") String address,
        @DefaultValue("Monday to Friday, 9 am to 5 pm") String hours,
        @DefaultValue("Mo-Fr 09:00-17:00") String openingHours,
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("") String prices,
        @DefaultValue("the next day") String driveAfter) {

    // Checked here rather than by Bean Validation, whose start-up the site's settings need not pay for.
    public ClinicProperties {
        requireText("name", name);
        requireText("phone", phone);
        requireText("email", email);
        requireText("address", address);
        requireText("hours", hours);
        requireText("opening-hours", openingHours);
        requireText("drive-after", driveAfter);
    }

    private static void requireText(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("clinic." + setting + " must not be blank");
        }
    }

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
