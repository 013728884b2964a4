package com.thrivecenter.clinic.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Fetches pages from the running site over real HTTP, sending the path exactly as given. */
public final class HttpPages {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public HttpPages(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String rawPath) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .header("Accept", "text/html").build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }
}
