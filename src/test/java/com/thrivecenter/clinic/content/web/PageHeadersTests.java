package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.SecurityHeaders;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A page's headers: the same set on both ways to a page, Jetty's (already encoded) and the servlets'. */
class PageHeadersTests {

    private static final String CACHE_CONTROL = "max-age=300, public, s-maxage=5";

    @Test
    void jettysResponseGetsEveryHeaderOnce() {
        HttpFields.Mutable fields = HttpFields.build();

        headers("http://localhost:8080").addTo(fields, false);

        assertThat(byName(fields)).isEqualTo(expected(false));
        assertThat(fields.size()).isEqualTo(expected(false).size());
    }

    @Test
    void hstsGoesOnlyOverHttpsToAnHttpsSite() {
        HttpFields.Mutable overHttps = HttpFields.build();
        HttpFields.Mutable overHttp = HttpFields.build();

        headers("https://clinic.example").addTo(overHttps, true);
        headers("https://clinic.example").addTo(overHttp, false);

        assertThat(byName(overHttps)).isEqualTo(expected(true)).containsKey("Strict-Transport-Security");
        assertThat(byName(overHttp)).isEqualTo(expected(false)).doesNotContainKey("Strict-Transport-Security");
    }

    @Test
    void aServletResponseGetsTheSameSetReplacingOneAlreadySet() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("Vary", "Cookie");

        headers("http://localhost:8080").writeTo(new MockHttpServletRequest(), response);

        Map<String, String> written = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getHeaderNames().forEach(name -> written.put(name, String.join(",", response.getHeaders(name))));
        assertThat(written).isEqualTo(expected(false));
    }

    @Test
    void theBodyIsDescribedWithTheCodingNamedOnlyWhenThereIsOne() {
        HttpFields.Mutable plain = HttpFields.build();
        HttpFields.Mutable gzipped = HttpFields.build();

        PageHeaders.describeBody(plain, PageEncoding.IDENTITY, 10_788);
        PageHeaders.describeBody(gzipped, PageEncoding.GZIP, 3_384);

        assertThat(byName(plain))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Content-Type", "text/html;charset=utf-8", "Content-Length", "10788"));
        assertThat(byName(gzipped))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Content-Type", "text/html;charset=utf-8",
                        "Content-Encoding", "gzip",
                        "Content-Length", "3384"));
    }

    @Test
    void aServletResponseIsDescribedTheSameWay() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        PageHeaders.describeBody(response, PageEncoding.BROTLI, 2_900);

        assertThat(response.getContentType()).isEqualTo("text/html;charset=utf-8");
        assertThat(response.getContentLength()).isEqualTo(2_900);
        assertThat(response.getHeader("Content-Encoding")).isEqualTo("br");
    }

    private static PageHeaders headers(String baseUrl) {
        return new PageHeaders(security(baseUrl), CACHE_CONTROL);
    }

    private static SecurityHeaders security(String baseUrl) {
        return new SecurityHeaders(new ClinicProperties(
                "Clinic", "1", "a@example.com", "Street", "Hours", "Mo-Fr", URI.create(baseUrl), "", "later"));
    }

    /** The security headers, then the page's caching. */
    private static Map<String, String> expected(boolean withHsts) {
        Map<String, String> expected = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        expected.putAll(security("https://clinic.example").headers(withHsts));
        expected.put("Cache-Control", CACHE_CONTROL);
        expected.put("Vary", "Accept-Encoding");
        return expected;
    }

    private static Map<String, String> byName(HttpFields fields) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : fields) {
            byName.merge(field.getName(), field.getValue(), (a, b) -> a + "," + b);
        }
        return byName;
    }
}
