package com.thrivecenter.clinic.inquiry.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.Reason;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import com.thrivecenter.clinic.staff.StaffSession;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** An SMTP outage is told to staff on their pages and in the log once, not once per mail or per try. */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.inquiries.notify-to=inquiries@clinic.example",
            "clinic.inquiries.retry-delay=30s"
        })
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
@ExtendWith(OutputCaptureExtension.class)
class MailStatusTests {

    private static final SmtpPort SMTP = SmtpPort.free();
    private static final String STAFF = "mail.status@clinic.example";
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    InquiryService inquiries;

    @Autowired
    NotificationSender sender;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    private final GreenMail smtp = SMTP.server();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
    }

    @BeforeEach
    void freshData() {
        jdbc.sql("DELETE FROM inquiry").update();
        jdbc.sql("DELETE FROM staff_account WHERE email = :email")
                .param("email", STAFF)
                .update();
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void anOutageIsShownToStaffAndLoggedOnceUntilMailWorksAgain(CapturedOutput output) throws Exception {
        for (String name : List.of("Olivia Outage", "Otto Outage", "Orla Outage")) {
            submit(name);
        }

        for (int poll = 0; poll < 4; poll++) {
            sender.sendDue();
            clock.advance(Duration.ofMinutes(2));
        }

        Optional<Element> banner = banner();
        assertThat(banner).isPresent();
        assertThat(banner.get().text())
                .startsWith("Mail notifications are failing since")
                .contains("3 mails are waiting to be sent", "Every inquiry is safe");
        assertThat(count(output, "Mail notifications are failing")).isEqualTo(1);

        smtp.start();
        clock.advance(Duration.ofHours(2));
        sender.sendDue();
        sender.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(banner()).isEmpty();
        assertThat(count(output, "Mail notifications are failing")).isEqualTo(1);
        assertThat(count(output, "Mail notifications are being sent again")).isEqualTo(1);
        assertThat(output.getOut()).doesNotContain("Outage", "pat@example.org", "555 010 0166", "Private details");
    }

    @Test
    void whileMailWorksThereIsNoBanner(CapturedOutput output) throws Exception {
        smtp.start();
        submit("Wendy Works");

        sender.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(banner()).isEmpty();
        assertThat(output.getOut()).doesNotContain("Mail notifications are");
    }

    private Optional<Element> banner() throws Exception {
        return Optional.ofNullable(
                StaffSession.signIn(mvc, STAFF, PASSWORD).page("/staff").selectFirst(".mail-problem"));
    }

    private void submit(String name) {
        TestInquiry.anInquiry()
                .receivedAt(clock.instant())
                .from(name, "pat@example.org")
                .about(Reason.MIGRAINE, "Private details")
                .submitTo(inquiries);
    }

    private static long count(CapturedOutput output, String text) {
        return Pattern.compile(Pattern.quote(text))
                .matcher(output.getOut())
                .results()
                .count();
    }
}
