package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.SecurityHeaders;
import com.thrivecenter.clinic.site.HttpPages;
import com.thrivecenter.clinic.site.RawHttp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Plain requests for rendered pages are answered in Jetty, before any servlet filter; every other request, and the
 * first for a page not rendered yet, still goes through the filters, and a page answers the same either way. A
 * filter ahead of all others counts what reaches the filters.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublishedPageHandlerIT {

    @TestConfiguration
    static class CountingFilterConfig {

        @Bean
        AtomicInteger filtered() {
            return new AtomicInteger();
        }

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> countingFilter(AtomicInteger filtered) {
            FilterRegistrationBean<OncePerRequestFilter> registration =
                    new FilterRegistrationBean<>(new OncePerRequestFilter() {
                        @Override
                        protected void doFilterInternal(
                                HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                                throws ServletException, IOException {
                            filtered.incrementAndGet();
                            chain.doFilter(request, response);
                        }
                    });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AtomicInteger filtered;

    private HttpPages http;

    @BeforeEach
    void setUp() {
        http = new HttpPages(port);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return http.send(request.build());
    }

    /** What a response says, less what changes from one response to the next. */
    private static Map<String, List<String>> headers(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }

    @Test
    void aPlainRequestForARenderedPageNeverReachesTheFilters() {
        send(http.request("/migraine/stages"));
        send(http.request("/faq"));
        int before = filtered.get();

        HttpResponse<String> page = send(http.request("/migraine/stages"));
        HttpResponse<String> head =
                send(http.request("/migraine/stages").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> unchanged = send(http.request("/migraine/stages")
                .header("If-None-Match", page.headers().firstValue("ETag").orElseThrow()));
        HttpResponse<String> compressed = send(http.request("/faq").header("Accept-Encoding", "gzip"));

        assertThat(filtered.get()).isEqualTo(before);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HttpPages.html(page).select("h1").text()).isEqualTo("The four stages of a migraine");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(headers(head)).isEqualTo(headers(page));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void anotherKindOfRequestOnAPagesConnectionLeavesThePagesHeadersAsTheyWere() {
        String page = "GET /migraine/stages HTTP/1.1\r\nHost: localhost\r\n\r\n";

        // "OPTIONS *" names no page: a server that reused a page's header buffers for its answer once broke the CSP.
        List<RawHttp.Answer> answers =
                RawHttp.inTurn(port, page, "OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n", page, page);
        HttpResponse<String> onAnotherConnection = send(http.request("/migraine/stages"));

        assertThat(answers.get(1).status()).isEqualTo(404);
        assertThat(answers.get(1).header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        for (RawHttp.Answer answer : List.of(answers.get(0), answers.get(2), answers.get(3))) {
            assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(answer.header("Permissions-Policy")).isEqualTo(SecurityHeaders.PERMISSIONS_POLICY);
        }
        assertThat(onAnotherConnection.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }

    @Test
    void aPageAskedForWithAQueryComesThroughTheFiltersTheSame() {
        HttpResponse<String> plain = send(http.request("/migraine/stages"));
        int before = filtered.get();

        HttpResponse<String> withQuery = send(http.request("/migraine/stages?from=newsletter"));

        assertThat(filtered.get()).isEqualTo(before + 1);
        assertThat(withQuery.statusCode()).isEqualTo(200);
        assertThat(withQuery.body()).isEqualTo(plain.body());
        assertThat(headers(withQuery)).isEqualTo(headers(plain));
    }

    @Test
    void requestsThatAreNotPlainGoThroughTheFilters() {
        int before = filtered.get();

        HttpResponse<String> withBody = send(http.request("/migraine/stages")
                .header("Content-Type", "text/plain")
                .method("GET", HttpRequest.BodyPublishers.ofString("hello")));
        HttpResponse<String> post = send(http.request("/migraine/stages")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Rosa")));
        HttpResponse<String> notAPage = send(http.request("/contact"));

        assertThat(filtered.get()).isEqualTo(before + 3);
        assertThat(withBody.statusCode()).isEqualTo(200);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(notAPage.statusCode()).isEqualTo(200);
        assertThat(HttpPages.html(notAPage).select("form").attr("action")).isEqualTo("/contact");
    }
}
