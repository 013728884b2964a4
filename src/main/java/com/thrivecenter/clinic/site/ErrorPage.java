package com.thrivecenter.clinic.site;

import java.util.Arrays;

/**
 * What the site's error page says for each status: the heading is also the page's title, so the two cannot
 * disagree. A status without its own wording gets the general one for its class (4xx or 5xx).
 */
public enum ErrorPage {
    BAD_REQUEST(
            400,
            "That request was not accepted",
            "Something in that request was not right. Please check the address and try again."),
    FORBIDDEN(
            403,
            "That request was not accepted",
            "For your security, the form may have expired. Please go back, reload the page and try again."),
    NOT_FOUND(404, "Page not found", "We could not find that page. It may have moved, or the address may have a typo."),
    METHOD_NOT_ALLOWED(
            405,
            "That request was not accepted",
            "This page cannot be used that way. Please go back, reload the page and try again."),
    REQUEST_TIMEOUT(
            408,
            "That took too long to arrive",
            "What you sent did not reach us in time. Please check your connection and try again."),
    CONTENT_TOO_LARGE(
            413,
            "That was too much to send",
            "The form was larger than we accept. Please shorten your message and try again."),
    TOO_MANY_REQUESTS(
            429,
            "Too many inquiries",
            "We have received several inquiries from your connection in the last few minutes. Please wait a little "
                    + "before sending another, or call us."),
    INTERNAL_SERVER_ERROR(
            500, "Something went wrong", "Sorry, something went wrong on our side. Please try again in a few minutes."),
    SERVICE_UNAVAILABLE(
            503,
            "The website is not available just now",
            "Part of our system is not available at the moment. Please try again in a few minutes, or call us.");

    private final int status;
    private final String heading;
    private final String explanation;

    ErrorPage(int status, String heading, String explanation) {
        this.status = status;
        this.heading = heading;
        this.explanation = explanation;
    }

    /** The page for a status: its own, or the general one for a client's (400) or the server's (500) error. */
    public static ErrorPage of(int status) {
        return Arrays.stream(values())
                .filter(page -> page.status == status)
                .findFirst()
                .orElse(status >= 500 ? INTERNAL_SERVER_ERROR : BAD_REQUEST);
    }

    public int status() {
        return status;
    }

    public String heading() {
        return heading;
    }

    public String explanation() {
        return explanation;
    }
}
