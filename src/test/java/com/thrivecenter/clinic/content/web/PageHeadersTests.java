package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.SecurityHeaders;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.MimeHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A page's fixed headers: the same set on any response, handed to Tomcat's own as bytes it need not encode. */
class PageHeadersTests {

    private static final String CACHE_CONTROL = "max-age=300, public, s-maxage=5";

    @Test
    void tomcatsOwnResponseGetsEveryHeaderOnceAsBytesReplacingOneAlreadySet() {
        Response tomcat = tomcatResponse();
        tomcat.setHeader("Vary", "Cookie");

        headers("http://localhost:8080").writeTo(new MockHttpServletRequest(), tomcat);

        MimeHeaders written = tomcat.getCoyoteResponse().getMimeHeaders();
        assertThat(byName(written)).isEqualTo(expected(false));
        for (int i = 0; i < written.size(); i++) {
            assertThat(written.getName(i).getType()).isEqualTo(MessageBytes.T_BYTES);
            assertThat(written.getValue(i).getType()).isEqualTo(MessageBytes.T_BYTES);
        }
    }

    @Test
    void theBytesSurviveTomcatReusingAHeadersBufferForALaterResponse() {
        PageHeaders headers = headers("http://localhost:8080");
        Response tomcat = tomcatResponse();
        headers.writeTo(new MockHttpServletRequest(), tomcat);
        org.apache.coyote.Response coyote = tomcat.getCoyoteResponse();
        int slots = coyote.getMimeHeaders().size();

        // The next response on the connection: Tomcat writes a Content-Length into whichever header slot it gets,
        // into the buffer that slot kept, when that is large enough.
        coyote.recycle();
        for (int slot = 0; slot < slots; slot++) {
            coyote.getMimeHeaders().addValue("Content-Length").setLong(1_234_567_890_123_456L);
        }
        coyote.recycle();
        headers.writeTo(new MockHttpServletRequest(), tomcat);

        assertThat(byName(coyote.getMimeHeaders())).isEqualTo(expected(false));
    }

    @Test
    void anyOtherResponseGetsTheSameHeaders() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        headers("http://localhost:8080").writeTo(new MockHttpServletRequest(), response);

        Map<String, String> written = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getHeaderNames().forEach(name -> written.put(name, response.getHeader(name)));
        assertThat(written).isEqualTo(expected(false));
    }

    @Test
    void anHttpsSiteAddsHstsOnlyToRequestsThatCameOverHttps() {
        PageHeaders headers = headers("https://clinic.example");
        MockHttpServletRequest overHttps = new MockHttpServletRequest();
        overHttps.setSecure(true);
        Response secure = tomcatResponse();
        Response plain = tomcatResponse();

        headers.writeTo(overHttps, secure);
        headers.writeTo(new MockHttpServletRequest(), plain);

        assertThat(byName(secure.getCoyoteResponse().getMimeHeaders())).isEqualTo(expected(true));
        assertThat(byName(plain.getCoyoteResponse().getMimeHeaders())).isEqualTo(expected(false));
    }

    private static PageHeaders headers(String baseUrl) {
        return new PageHeaders(security(baseUrl), CACHE_CONTROL);
    }

    private static SecurityHeaders security(String baseUrl) {
        return new SecurityHeaders(new ClinicProperties(
                "Clinic", "1", "a@example.com", "Street", "Hours", "Mo-Fr", URI.create(baseUrl), "", "later"));
    }

    /** What setHeader would have written: the security headers, then the page's caching. */
    private static Map<String, String> expected(boolean withHsts) {
        Map<String, String> expected = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        expected.putAll(security("https://clinic.example").headers(withHsts));
        expected.put("Cache-Control", CACHE_CONTROL);
        expected.put("Vary", "Accept-Encoding");
        return expected;
    }

    private static Response tomcatResponse() {
        return new Response(new org.apache.coyote.Response());
    }

    /** Each name once, with its value; a name written twice would fail the comparison by the count. */
    private static Map<String, String> byName(MimeHeaders headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headers.size(); i++) {
            byName.merge(headers.getName(i).toString(), headers.getValue(i).toString(), (a, b) -> a + ", " + b);
        }
        return byName;
    }
}
