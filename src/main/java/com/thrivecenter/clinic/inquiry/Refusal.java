package com.thrivecenter.clinic.inquiry;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * Why a sent form was not taken, as the patient reads it above the form, which keeps what they typed. A message
 * may say how long to wait ({@code %s}): the rate limit's window, so the patient need not guess.
 */
public enum Refusal {
    EXPIRED(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "This form had expired. Please check your details and send it again.",
            false),
    TOO_QUICK(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "That was very quick. Please check your details, then send the form again.",
            false),
    NOT_ACCEPTED(
            HttpStatus.FORBIDDEN,
            "For your security, we could not accept the form as it was sent. Please check your details and send it again.",
            false),
    RATE_LIMITED(
            HttpStatus.TOO_MANY_REQUESTS,
            "We have received several inquiries from your connection in the last few "
                    + "minutes. Please wait about %s before sending this one.",
            true),
    UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE,
            "We could not send your inquiry: our system is not available just now, "
                    + "and nothing was saved. Your details are still here: please try again in a few minutes.",
            true);

    private final HttpStatus status;
    private final String message;
    private final boolean offersPhone;

    Refusal(HttpStatus status, String message, boolean offersPhone) {
        this.status = status;
        this.message = message;
        this.offersPhone = offersPhone;
    }

    public HttpStatus status() {
        return status;
    }

    /** The message, telling the patient to wait about {@code rateLimitWindow} where waiting helps. */
    public String message(Duration rateLimitWindow) {
        return message.formatted(about(rateLimitWindow));
    }

    /** "10 minutes", "1 hour", "1 hour 30 minutes": whole minutes, rounded up, at least one. */
    static String about(Duration wait) {
        long minutes = Math.max(1, wait.plusSeconds(59).toMinutes());
        long hours = minutes / 60;
        String hourPart = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
        String minutePart = minutes % 60 == 0 ? "" : minutes % 60 + (minutes % 60 == 1 ? " minute" : " minutes");
        return (hourPart + " " + minutePart).strip();
    }

    /** Whether the message ends by giving the clinic's phone number, for when waiting is not what they need. */
    public boolean offersPhone() {
        return offersPhone;
    }
}
