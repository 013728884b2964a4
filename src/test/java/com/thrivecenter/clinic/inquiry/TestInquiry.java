package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.inquiry.InquiryOutcome.Accepted;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A valid inquiry for tests that store one directly: each from a client of its own, so the rate limit stays out
 * of the way, and with a new submission key. A test sets only what it is about.
 */
public final class TestInquiry {

    private Instant receivedAt = Instant.now();
    private String name = "Pat Example";
    private String email = "pat@example.org";
    private String phone = "555 010 0142";
    private ContactMethod contactMethod = ContactMethod.PHONE;
    private Reason reason = Reason.MIGRAINE;
    private String message = "";
    private List<PreferredTime> preferredTimes = List.of();
    private Optional<Boolean> referredByPhysician = Optional.empty();

    private TestInquiry() {}

    public static TestInquiry anInquiry() {
        return new TestInquiry();
    }

    public TestInquiry receivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    public TestInquiry from(String name, String email) {
        this.name = name;
        this.email = email;
        return this;
    }

    public TestInquiry phone(String phone) {
        this.phone = phone;
        return this;
    }

    public TestInquiry about(Reason reason, String message) {
        this.reason = reason;
        this.message = message;
        return this;
    }

    public TestInquiry contactBy(ContactMethod contactMethod) {
        this.contactMethod = contactMethod;
        return this;
    }

    public TestInquiry preferring(PreferredTime... times) {
        this.preferredTimes = List.of(times);
        return this;
    }

    public TestInquiry referredByPhysician(boolean referred) {
        this.referredByPhysician = Optional.of(referred);
        return this;
    }

    public NewInquiry build() {
        return new NewInquiry(
                UUID.randomUUID().toString(),
                receivedAt,
                name,
                email,
                phone,
                contactMethod,
                reason,
                message,
                preferredTimes,
                referredByPhysician,
                UUID.randomUUID().toString());
    }

    /** Stores it through the service, as the form would, and returns its reference. */
    public String submitTo(InquiryService service) {
        return ((Accepted) service.store(build())).reference();
    }
}
