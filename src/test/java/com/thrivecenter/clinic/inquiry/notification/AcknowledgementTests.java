package com.thrivecenter.clinic.inquiry.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.thrivecenter.clinic.inquiry.ContactMethod;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.Reason;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** With the receipt turned on, the patient gets their reference, and still no health details. */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.inquiries.acknowledge=true",
            "clinic.inquiries.notify-to=inquiries@clinic.example",
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=3025"
        })
class AcknowledgementTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    InquiryService inquiries;

    @Autowired
    NotificationSender sender;

    @Test
    void thePatientGetsAReceiptAndStaffAreToldToo() {
        String reference = TestInquiry.anInquiry()
                .from("Rene Receipt", "rene@example.org")
                .contactBy(ContactMethod.EMAIL)
                .about(Reason.MENTAL_HEALTH, "Low mood for months")
                .submitTo(inquiries);

        sender.sendDue();

        MimeMessage receipt = smtp.getReceivedMessagesForDomain("example.org")[0];
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(GreenMailUtil.getHeaders(receipt)).contains("Subject: We received your inquiry " + reference);
        assertThat(GreenMailUtil.getBody(receipt))
                .contains(reference)
                .doesNotContain("Rene", "Low mood", "Depression", "mental health", "555 010 0190");
        assertThat(smtp.getReceivedMessagesForDomain("clinic.example")).hasSize(1);
    }
}
