package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Accepted;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Expired;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Incomplete;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.RateLimited;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Robot;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.TooQuick;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The inquiry policy on its own: each sent form gets exactly one outcome, and only an accepted one is stored. */
@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class InquiryServiceTests {

    @Autowired
    InquiryService service;

    @Autowired
    FormTokens formTokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void emptyDatabase() {
        jdbc.sql("DELETE FROM inquiry").update();
    }

    private int inquiries() {
        return jdbc.sql("SELECT COUNT(*) FROM inquiry").query(Integer.class).single();
    }

    /** A complete form, shown twenty seconds ago. */
    private InquiryForm shownAndFilledIn() {
        InquiryForm form = new InquiryForm();
        form.setFormToken(formTokens.issue());
        form.setName("Avery Quinn");
        form.setEmail("avery@example.org");
        form.setPhone("555 010 0142");
        form.setContactMethod(ContactMethod.PHONE);
        form.setReason(Reason.CRPS);
        form.setConsent(true);
        clock.advance(Duration.ofSeconds(20));
        return form;
    }

    private InquiryOutcome send(InquiryForm form, boolean fieldsValid) {
        return service.submit(new SentForm(form, fieldsValid, "192.0.2.44"));
    }

    @Test
    void aValidFormIsAcceptedAndStored() {
        InquiryOutcome outcome = send(shownAndFilledIn(), true);

        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(jdbc.sql("SELECT reference FROM inquiry").query(String.class).single())
                .isEqualTo(((Accepted) outcome).reference());
    }

    @Test
    void aFilledHoneypotIsARobotEvenWithInvalidFields() {
        InquiryForm form = shownAndFilledIn();
        form.setWebsite("https://spam.example");
        form.setFormToken("made up");

        assertThat(send(form, false)).isInstanceOfSatisfying(Robot.class, robot -> assertThat(robot.decoyReference())
                .startsWith("TCH-"));
        assertThat(inquiries()).isZero();
    }

    @Test
    void aMissingOrAlteredTokenHasExpiredBeforeTheFieldsAreLookedAt() {
        InquiryForm form = shownAndFilledIn();
        form.setFormToken(form.getFormToken().replaceFirst("^\\d", "9"));

        assertThat(send(form, false)).isInstanceOf(Expired.class);
        form.setFormToken(null);
        assertThat(send(form, true)).isInstanceOf(Expired.class);
        assertThat(inquiries()).isZero();
    }

    @Test
    void aFormSentWithinTheMinimumFillTimeIsTooQuick() {
        InquiryForm form = shownAndFilledIn();
        form.setFormToken(formTokens.issue());
        clock.advance(Duration.ofSeconds(2));

        assertThat(send(form, true)).isInstanceOf(TooQuick.class);
        assertThat(inquiries()).isZero();
    }

    @Test
    void fieldsThatFailedValidationMakeTheFormIncomplete() {
        assertThat(send(shownAndFilledIn(), false)).isInstanceOf(Incomplete.class);
        assertThat(inquiries()).isZero();
    }

    @Test
    void aSenderPastTheLimitIsRateLimited() {
        for (int i = 0; i < 5; i++) {
            assertThat(send(shownAndFilledIn(), true)).isInstanceOf(Accepted.class);
        }

        assertThat(send(shownAndFilledIn(), true)).isInstanceOf(RateLimited.class);
        assertThat(inquiries()).isEqualTo(5);
    }
}
