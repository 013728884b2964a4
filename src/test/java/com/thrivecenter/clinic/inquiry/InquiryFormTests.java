package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InquiryFormTests {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static InquiryForm valid() {
        InquiryForm form = new InquiryForm();
        form.setName("Avery Quinn");
        form.setEmail("avery@example.org");
        form.setPhone("555 010 0142");
        form.setContactMethod(ContactMethod.PHONE);
        form.setReason(Reason.CRPS);
        form.setConsent(true);
        return form;
    }

    private Set<String> invalidFields(InquiryForm form) {
        Set<ConstraintViolation<InquiryForm>> violations = validator.validate(form);
        return violations.stream()
                .map(v -> v.getPropertyPath().toString().replaceAll("\\[.*", ""))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aCompleteFormIsValid() {
        assertThat(invalidFields(valid())).isEmpty();
    }

    @Test
    void anEmptyFieldGetsOneMessageNotTwo() {
        InquiryForm form = valid();
        form.setPhone("");
        form.setEmail("");

        assertThat(validator.validate(form))
                .extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder("Enter your phone number", "Enter your email address");
    }

    @Test
    void anEmptyFormNamesEveryRequiredField() {
        assertThat(invalidFields(new InquiryForm()))
                .containsExactlyInAnyOrder("name", "email", "phone", "contactMethod", "reason", "consent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5550100", "+1 (555) 010-0142", "555-010-0142", "+44 20 7946 0958", "123456789012345"})
    void phoneNumbersWithSevenToFifteenDigitsAreAccepted(String phone) {
        InquiryForm form = valid();
        form.setPhone(phone);
        assertThat(invalidFields(form)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"555010", "1234567890123456", "555-CALL-NOW", "555.010.0142", "call me", "+1 555 010 0142 ext 5"
            })
    void otherPhoneNumbersAreRefused(String phone) {
        InquiryForm form = valid();
        form.setPhone(phone);
        assertThat(invalidFields(form)).containsExactly("phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"avery", "avery@", "@example.org", "avery@example", "a b@example.org"})
    void malformedEmailAddressesAreRefused(String email) {
        InquiryForm form = valid();
        form.setEmail(email);
        assertThat(invalidFields(form)).containsExactly("email");
    }

    @Test
    void theMessageIsOptionalUpToTwoThousandCharacters() {
        InquiryForm form = valid();
        form.setMessage("x".repeat(2000));
        assertThat(invalidFields(form)).isEmpty();
        form.setMessage("x".repeat(2001));
        assertThat(invalidFields(form)).containsExactly("message");
    }

    @Test
    void aPreferredTimeThatBoundEmptyIsRefused() {
        InquiryForm form = valid();
        form.setPreferredTimes(List.of(PreferredTime.parse("monday-morning").orElseThrow()));
        assertThat(invalidFields(form)).isEmpty();
        form.setPreferredTimes(java.util.Arrays.asList((PreferredTime) null));
        assertThat(validator.validate(form))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("Choose days and times from the list");
    }

    @Test
    void consentIsRequired() {
        InquiryForm form = valid();
        form.setConsent(false);
        assertThat(invalidFields(form)).containsExactly("consent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(555) 010-0100                              1", "+1   (555)   010   0142   55"})
    void aPhoneNumberIsAtMostTwentyFiveCharactersInAll(String phone) {
        InquiryForm form = valid();
        form.setPhone(phone);
        assertThat(validator.validate(form))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("Enter a phone number of 25 characters or fewer");
    }

    /** The limits of the columns in V1__inquiries.sql: what passes here always fits there. */
    @Test
    void everyFieldFitsItsColumn() {
        InquiryForm form = valid();
        form.setName("n".repeat(100));
        String domain = String.join(".", "d".repeat(60), "d".repeat(60), "d".repeat(60), "d".repeat(60), "org");
        form.setEmail("averyq@" + domain);
        form.setPhone("+1 (555) 010-0142   55 55");
        form.setMessage("m".repeat(2000));
        assertThat(invalidFields(form)).isEmpty();

        form.setName("n".repeat(101));
        form.setEmail("averyqx@" + domain);
        form.setPhone(form.getPhone() + "0");
        form.setMessage("m".repeat(2001));
        assertThat(invalidFields(form)).containsExactlyInAnyOrder("name", "email", "phone", "message");
    }
}
