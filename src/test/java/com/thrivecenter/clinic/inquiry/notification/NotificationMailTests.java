package com.thrivecenter.clinic.inquiry.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.inquiry.InquiryProperties;
import com.thrivecenter.clinic.inquiry.Reason;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;

class NotificationMailTests {

    private final NotificationMail mail = new NotificationMail(
            new ClinicProperties(
                    "Test Clinic",
                    "+1 555 010 0100",
                    "desk@clinic.example",
                    "1 Road",
                    "Weekdays",
                    "Mo-Fr 09:00-17:00",
                    URI.create("https://clinic.example/"),
                    "",
                    "the next day"),
            new InquiryProperties(
                    "inquiries@clinic.example",
                    "website@clinic.example",
                    true,
                    Duration.ofSeconds(3),
                    5,
                    Duration.ofMinutes(10),
                    "",
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(5),
                    4));

    private static DueNotification due(NotificationKind kind) {
        return new DueNotification(
                1,
                kind,
                0,
                "TCH-ABC234",
                Reason.MENTAL_HEALTH,
                Instant.parse("2026-11-24T15:00:00Z"),
                "patient@example.org");
    }

    @Test
    void thePatientsReceiptCarriesTheReferenceAndNoHealthDetails() {
        SimpleMailMessage receipt = mail.write(due(NotificationKind.ACKNOWLEDGEMENT));

        assertThat(receipt.getTo()).containsExactly("patient@example.org");
        assertThat(receipt.getSubject()).isEqualTo("We received your inquiry TCH-ABC234");
        assertThat(receipt.getText())
                .contains("TCH-ABC234", "Test Clinic", "+1 555 010 0100", "911", "988")
                .doesNotContain(Reason.MENTAL_HEALTH.label())
                .doesNotContainIgnoringCase("mental health");
    }

    @Test
    void theStaffMailLinksToTheStaffAreaWithoutADoubleSlash() {
        SimpleMailMessage toStaff = mail.write(due(NotificationKind.STAFF));

        assertThat(toStaff.getText())
                .contains("https://clinic.example/staff/inquiries/TCH-ABC234")
                .doesNotContain("patient@example.org");
    }
}
