package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.thrivecenter.clinic.site.HttpPages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Brotli over real HTTP, through Jetty's own compression, which must leave an encoded page alone. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CompressedPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    RenderedPages pages;

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = new HttpPages(port).request(path);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static byte[] unbrotli(byte[] body) throws IOException {
        Brotli4jLoader.ensureAvailability();
        try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aBrowserThatAcceptsBrotliGetsThePageByteForByteInBrotli() throws Exception {
        for (String path : new String[] {"/", "/migraine/stages", "/faq"}) {
            HttpResponse<byte[]> plain = get(path, null);
            BrotliBytes.awaitMade(pages, path);
            HttpResponse<byte[]> brotli = get(path, "gzip, deflate, br, zstd");

            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(header(plain, "Content-Encoding")).as(path).isEmpty();
            assertThat(brotli.statusCode()).as(path).isEqualTo(200);
            assertThat(header(brotli, "Content-Encoding")).as(path).isEqualTo("br");
            assertThat(header(brotli, "Vary")).as(path).isEqualTo("Accept-Encoding");
            assertThat(header(brotli, "Content-Type")).as(path).isEqualTo("text/html;charset=utf-8");
            assertThat(header(brotli, "Content-Length")).as(path).isEqualTo(String.valueOf(brotli.body().length));
            assertThat(header(brotli, "ETag")).as(path).isEqualTo(header(plain, "ETag"));
            assertThat(header(brotli, "Cache-Control")).as(path).isEqualTo(header(plain, "Cache-Control"));
            assertThat(header(brotli, "Content-Security-Policy")).as(path).isNotEmpty();
            assertThat(brotli.body().length).as(path).isLessThan(plain.body().length / 3);
            assertThat(unbrotli(brotli.body())).as(path).isEqualTo(plain.body());
        }
    }

    @Test
    void aBrowserHoldingTheBrotliPageIsToldItIsNotModified() throws Exception {
        BrotliBytes.awaitMade(pages, "/migraine/stages");
        HttpResponse<byte[]> brotli = get("/migraine/stages", "br");
        assertThat(header(brotli, "Content-Encoding")).isEqualTo("br");
        HttpResponse<byte[]> again = HttpClient.newHttpClient()
                .send(
                        new HttpPages(port)
                                .request("/migraine/stages")
                                .header("Accept-Encoding", "br")
                                .header("If-None-Match", header(brotli, "ETag"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "Vary")).isEqualTo("Accept-Encoding");
    }

    @Test
    void pagesTheApplicationRendersItselfAreStillGzippedOnTheFly() throws Exception {
        HttpResponse<byte[]> form = get("/contact", "gzip, br");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(header(form, "Content-Encoding")).isEqualTo("gzip");
    }
}
