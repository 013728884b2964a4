package com.thrivecenter.clinic.inquiry;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * What the contact form sends, as typed; bound and validated by Spring MVC, then re-shown on errors. Every limit
 * here is within its column in {@code V1__inquiries.sql}, so what passes validation always fits the database.
 */
public class InquiryForm {

    /** 7 to 15 digits, with spaces, "+", "-" and brackets allowed between them; empty is left to @NotBlank. */
    static final String PHONE_PATTERN = "|(?=(?:\\D*\\d){7,15}\\D*$)[0-9+()\\-\\s]+";

    /** Something@something.something; empty is left to @NotBlank, so an empty field gets one message. */
    static final String EMAIL_PATTERN = "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    /** What a preferred time the form does not offer gets, whether it failed to bind or bound empty. */
    static final String PREFERRED_TIMES_MESSAGE = "Choose days and times from the list";

    /** The fields in the order the form shows them, so the error summary follows the same order. */
    static final List<String> FIELD_ORDER = List.of(
            "name",
            "email",
            "phone",
            "contactMethod",
            "reason",
            "message",
            "preferredTimes",
            "referredByPhysician",
            "consent");

    @NotBlank(message = "Enter your name")
    @Size(max = 100, message = "Enter a name of 100 characters or fewer")
    private String name;

    @NotBlank(message = "Enter your email address")
    @Email(regexp = EMAIL_PATTERN, message = "Enter an email address like name@example.com")
    @Size(max = 254, message = "Enter an email address of 254 characters or fewer")
    private String email;

    @NotBlank(message = "Enter your phone number")
    @Pattern(regexp = PHONE_PATTERN, message = "Enter a phone number with 7 to 15 digits, like (555) 010-0100")
    @Size(max = 25, message = "Enter a phone number of 25 characters or fewer")
    private String phone;

    @NotNull(message = "Choose how we should contact you")
    private ContactMethod contactMethod;

    @NotNull(message = "Choose what you would like help with")
    private Reason reason;

    @Size(max = 2000, message = "Keep your message to 2,000 characters or fewer")
    private String message;

    /** Bound by {@link PreferredTimeFormatter}; an empty value binds as null. */
    private List<@NotNull(message = PREFERRED_TIMES_MESSAGE) PreferredTime> preferredTimes = new ArrayList<>();

    private Boolean referredByPhysician;

    @AssertTrue(message = "Tick the box to agree that we may contact you")
    private boolean consent;

    /** The honeypot: hidden from people, so only a robot fills it in. */
    private String website;

    /** When the form was shown and its one-time submission key, signed by the server. */
    private String formToken;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public ContactMethod getContactMethod() {
        return contactMethod;
    }

    public void setContactMethod(ContactMethod contactMethod) {
        this.contactMethod = contactMethod;
    }

    public Reason getReason() {
        return reason;
    }

    public void setReason(Reason reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<PreferredTime> getPreferredTimes() {
        return preferredTimes;
    }

    public void setPreferredTimes(List<PreferredTime> preferredTimes) {
        this.preferredTimes = preferredTimes == null ? new ArrayList<>() : preferredTimes;
    }

    public Boolean getReferredByPhysician() {
        return referredByPhysician;
    }

    public void setReferredByPhysician(Boolean referredByPhysician) {
        this.referredByPhysician = referredByPhysician;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getFormToken() {
        return formToken;
    }

    public void setFormToken(String formToken) {
        this.formToken = formToken;
    }

    boolean isHoneypotFilled() {
        return website != null && !website.isBlank();
    }
}
