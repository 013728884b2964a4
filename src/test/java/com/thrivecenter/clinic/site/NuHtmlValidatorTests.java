package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validator, in its own class loader, still tells a valid page from one with errors, and says where they are. */
class NuHtmlValidatorTests {

    private final NuHtmlValidator validator = new NuHtmlValidator();

    @Test
    void aValidPageHasNoErrors() {
        assertThat(validator.errors(page("<title>Visit us</title>", "<p>Open <b>daily</b></p>")))
                .isEmpty();
    }

    @Test
    void aPageWithoutATitleHasAnError() {
        assertThat(validator.errors(page("", "<p>Open</p>")))
                .containsExactly("line 6: Element “head” is missing required child element “title”.");
    }

    @Test
    void aDivInAParagraphIsAnError() {
        assertThat(validator.errors(page("<title>Visit us</title>", "<p><div>Open</div></p>")))
                .containsExactly("line 8: No “p” element in scope but a “p” end tag seen.");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + title + "\n</head>\n<body>\n"
                + body + "\n</body>\n</html>\n";
    }
}
