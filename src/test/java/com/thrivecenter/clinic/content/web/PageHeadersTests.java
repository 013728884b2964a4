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

/** A page's headers: the same set on any response, handed to Tomcat's own as bytes it need not encode. */
class PageHeadersTests {

    private static final String CACHE_CONTROL = "max-age=300, public, s-maxage=5";

    /** RFC 9110's preferred date format (IMF-fixdate). */
    private static final String HTTP_DATE = "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    @Test
    void tomcatsOwnResponseGetsEveryHeaderOnceAsBytesReplacingOneAlreadySet() {
        Response tomcat = tomcatResponse();
        tomcat.setHeader("Vary", "Cookie");

        headers("http://localhost:8080").writeTo(new MockHttpServletRequest(), tomcat);

        MimeHeaders written = tomcat.getCoyoteResponse().getMimeHeaders();
        assertThat(withoutDate(written)).isEqualTo(expected(false));
        assertThat(written.getValue("Date").toString()).matches(HTTP_DATE);
        assertAllBytes(written);
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

        assertThat(withoutDate(coyote.getMimeHeaders())).isEqualTo(expected(false));
    }

    @Test
    void theBodyIsDescribedWithTheCodingNamedOnlyWhenThereIsOneAndThePlainPageAllInBytes() {
        PageHeaders headers = headers("http://localhost:8080");
        Response gzipped = tomcatResponse();
        Response plain = tomcatResponse();

        headers.describeBody(gzipped, PageEncoding.GZIP, 3384);
        headers.describeBody(plain, PageEncoding.IDENTITY, 10788);

        assertThat(byName(gzipped.getCoyoteResponse().getMimeHeaders()))
                .isEqualTo(Map.of(
                        "Content-Type", "text/html;charset=UTF-8",
                        "Content-Encoding", "gzip",
                        "Content-Length", "3384"));
        assertThat(byName(plain.getCoyoteResponse().getMimeHeaders()))
                .isEqualTo(Map.of("Content-Type", "text/html;charset=UTF-8", "Content-Length", "10788"));
        assertThat(plain.getCoyoteResponse().getContentLengthLong()).isEqualTo(10788);
        assertAllBytes(plain.getCoyoteResponse().getMimeHeaders());
    }

    @Test
    void onlyThePagesOwnEtagIsTurnedIntoBytes() {
        PageHeaders headers = headers("http://localhost:8080");
        Response ours = tomcatResponse();
        Response other = tomcatResponse();
        ours.setHeader("ETag", "W/\"abc\"");
        other.setHeader("ETag", "W/\"abc\"\r\nX-Injected: 1");

        headers.etagAsBytes(ours, "W/\"abc\"");
        headers.etagAsBytes(other, "W/\"abc\"");

        assertAllBytes(ours.getCoyoteResponse().getMimeHeaders());
        assertThat(byName(ours.getCoyoteResponse().getMimeHeaders())).isEqualTo(Map.of("ETag", "W/\"abc\""));
        assertThat(other.getCoyoteResponse().getMimeHeaders().getValue("ETag").getType())
                .isEqualTo(MessageBytes.T_STR);
    }

    @Test
    void anyOtherResponseIsDescribedTheSame() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        headers("http://localhost:8080").describeBody(response, PageEncoding.BROTLI, 2900);

        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.getHeader("Content-Encoding")).isEqualTo("br");
        assertThat(response.getContentLength()).isEqualTo(2900);
    }

    private static void assertAllBytes(MimeHeaders written) {
        for (int i = 0; i < written.size(); i++) {
            assertThat(written.getName(i).getType())
                    .as(written.getName(i).toString())
                    .isEqualTo(MessageBytes.T_BYTES);
            assertThat(written.getValue(i).getType())
                    .as(written.getName(i).toString())
                    .isEqualTo(MessageBytes.T_BYTES);
        }
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

        assertThat(withoutDate(secure.getCoyoteResponse().getMimeHeaders())).isEqualTo(expected(true));
        assertThat(withoutDate(plain.getCoyoteResponse().getMimeHeaders())).isEqualTo(expected(false));
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
        expected.put("Vary", "accept-encoding");
        return expected;
    }

    private static Response tomcatResponse() {
        return new Response(new org.apache.coyote.Response());
    }

    private static Map<String, String> withoutDate(MimeHeaders headers) {
        Map<String, String> byName = byName(headers);
        byName.remove("Date");
        return byName;
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
