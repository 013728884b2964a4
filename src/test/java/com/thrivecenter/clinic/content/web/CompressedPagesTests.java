package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.thrivecenter.clinic.FixtureSiteTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Each page in three representations, chosen by Accept-Encoding, each with the page's one weak ETag. */
@FixtureSiteTest
class CompressedPagesTests {

    private static final String PAGE = "/migraine/stages";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RenderedPages pages;

    /** The page's Brotli bytes are made in the background after its first request; these tests start from them. */
    @BeforeEach
    void brotliBytesMade() {
        BrotliBytes.awaitMade(pages, PAGE);
    }

    private MockHttpServletResponse get(String acceptEncoding) {
        var request = mvc.get().uri(PAGE);
        return (acceptEncoding == null ? request : request.header("Accept-Encoding", acceptEncoding))
                .exchange()
                .getResponse();
    }

    private static byte[] decoded(MockHttpServletResponse response) throws IOException {
        byte[] body = response.getContentAsByteArray();
        String coding = response.getHeader("Content-Encoding");
        if (coding == null) {
            return body;
        }
        Brotli4jLoader.ensureAvailability();
        try (InputStream in = coding.equals("br")
                ? new BrotliInputStream(new ByteArrayInputStream(body))
                : new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "gzip, deflate, br, zstd | br",
                "BR;q=0.5, gzip;q=0.4 | br",
                "gzip, br;q=0 | gzip",
                "br;q=0, * | gzip",
                "deflate | none",
                "none | none",
            })
    void everyRepresentationIsThePageByteForByteWithTheSameHeadersAndETag(String acceptEncoding, String coding)
            throws IOException {
        MockHttpServletResponse plain = get(null);
        MockHttpServletResponse response = get(acceptEncoding);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Encoding")).isEqualTo(coding);
        assertThat(response.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(response.getContentType()).isEqualTo("text/html;charset=utf-8");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
        assertThat(response.getHeader("ETag")).matches("W/\"[0-9a-f]{32}\"").isEqualTo(plain.getHeader("ETag"));
        assertThat(decoded(response)).isEqualTo(plain.getContentAsByteArray());
    }

    @Test
    void brotliIsTheSmallestAndGzipSmallerThanThePage() {
        int plain = get(null).getContentAsByteArray().length;
        int gzip = get("gzip").getContentAsByteArray().length;
        int brotli = get("br").getContentAsByteArray().length;

        assertThat(brotli).isLessThan(gzip);
        assertThat(gzip).isLessThan(plain / 2);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {"br | br", "gzip | gzip", "identity | none"})
    void headSaysWhatGetWouldSendAndSendsNothing(String acceptEncoding, String coding) {
        MockHttpServletResponse get = get(acceptEncoding);
        MockHttpServletResponse head = mvc.head()
                .uri(PAGE)
                .header("Accept-Encoding", acceptEncoding)
                .exchange()
                .getResponse();

        assertThat(head.getStatus()).isEqualTo(200);
        assertThat(head.getContentAsByteArray()).isEmpty();
        assertThat(head.getHeader("Content-Encoding")).isEqualTo(coding);
        assertThat(head.getContentLength()).isEqualTo(get.getContentAsByteArray().length);
        assertThat(head.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(head.getHeader("ETag")).isEqualTo(get.getHeader("ETag"));
    }

    @ParameterizedTest
    @CsvSource({"br", "gzip", "identity"})
    void aClientHoldingAnyRepresentationIsToldItIsNotModified(String acceptEncoding) {
        String etag = get(acceptEncoding).getHeader("ETag");

        for (String holding : new String[] {"br", "gzip", "identity"}) {
            MockHttpServletResponse again = mvc.get()
                    .uri(PAGE)
                    .header("Accept-Encoding", holding)
                    .header("If-None-Match", etag)
                    .exchange()
                    .getResponse();
            assertThat(again.getStatus()).as(holding).isEqualTo(HttpStatus.NOT_MODIFIED.value());
            assertThat(again.getContentAsByteArray()).as(holding).isEmpty();
            assertThat(again.getHeader("Content-Encoding")).as(holding).isNull();
            assertThat(again.getHeader("ETag")).as(holding).isEqualTo(etag);
            assertThat(again.getHeader("Vary")).as(holding).isEqualTo("Accept-Encoding");
        }
        MockHttpServletResponse changed = mvc.get()
                .uri(PAGE)
                .header("Accept-Encoding", acceptEncoding)
                .header("If-None-Match", "W/\"00000000000000000000000000000000\"")
                .exchange()
                .getResponse();
        assertThat(changed.getStatus()).isEqualTo(200);
    }
}
