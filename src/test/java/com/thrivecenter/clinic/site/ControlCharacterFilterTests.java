package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ControlCharacterFilterTests {

    private final ControlCharacterFilter filter = new ControlCharacterFilter();

    /** The request as the next filter (Spring Security, the controllers) sees it. */
    private HttpServletRequest passedOn(MockHttpServletRequest request) throws Exception {
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(req));
        return (HttpServletRequest) seen.get();
    }

    @Test
    void nulAndOtherControlCharactersAreRemovedFromEveryWayOfReadingAParameter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/contact");
        request.addParameter("name", "a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg");
        request.addParameter("times", "x\u0000", "\u0001y");

        HttpServletRequest seen = passedOn(request);

        assertThat(seen.getParameter("name")).isEqualTo("abcdefg");
        assertThat(seen.getParameterValues("times")).containsExactly("x", "y");
        assertThat(seen.getParameterMap().get("name")).containsExactly("abcdefg");
        assertThat(Collections.list(seen.getParameterNames())).containsExactly("name", "times");
        assertThat(seen.getParameter("missing")).isNull();
        assertThat(seen.getParameterValues("missing")).isNull();
    }

    @Test
    void linesTabsAndOrdinaryTextStayAsTyped() throws Exception {
        String message = "Line one\r\nLine two\ttabbed — ünïcode 日本 \u202Eright-to-left\u200B";
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/contact");
        request.addParameter("message", message);

        assertThat(passedOn(request).getParameter("message")).isEqualTo(message);
    }

    @Test
    void aCallerCannotChangeTheCleanedValues() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/staff");
        request.addParameter("q", "a\u0000");
        HttpServletRequest seen = passedOn(request);

        seen.getParameterValues("q")[0] = "\u0000";

        assertThat(seen.getParameter("q")).isEqualTo("a");
    }
}
