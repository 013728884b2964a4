package com.thrivecenter.clinic.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** One browser on the running site, over real HTTP: it keeps its cookies and sends paths exactly as given. */
public final class HttpPages {

    private final CookieManager cookies;
    private final HttpClient client;
    private final int port;

    public HttpPages(int port) {
        this(port, new CookieManager());
    }

    private HttpPages(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .build();
    }

    /**
     * The same browser talking to another instance of the site on this host, as behind a load balancer: cookies
     * belong to a host, not a port, so it sends the same ones.
     */
    public HttpPages sameBrowserOn(int otherPort) {
        return new HttpPages(otherPort, cookies);
    }

    public HttpResponse<String> get(String rawPath) {
        return send(request(rawPath).header("Accept", "text/html").build());
    }

    /** Posts form fields (a field may repeat, as check boxes do). */
    public HttpResponse<String> postForm(String path, Map<String, List<String>> fields) {
        return send(formPost(path, fields).build());
    }

    /** The same post, with extra headers still to add. */
    public HttpRequest.Builder formPost(String path, Map<String, List<String>> fields) {
        String body = fields.entrySet().stream()
                .flatMap(field -> field.getValue().stream()
                        .map(value -> field.getKey() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Opens a page with a form and returns the form's hidden fields, ready to add what a person types. */
    public Map<String, List<String>> openForm(String path) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        html(get(path))
                .select("form input[type=hidden]")
                .forEach(input -> fields.put(input.attr("name"), List.of(input.val())));
        return fields;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String rawPath) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath));
    }

    /** This browser's cookies as a Cookie header value, for requests sent some other way (see RawHttp). */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    public static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    /** A complete, valid inquiry, as a patient would fill it in. */
    public static Map<String, List<String>> validInquiry(Map<String, List<String>> hiddenFields) {
        Map<String, List<String>> fields = new LinkedHashMap<>(hiddenFields);
        fields.put("name", List.of("Rosa Example"));
        fields.put("email", List.of("rosa@example.org"));
        fields.put("phone", List.of("555 010 0155"));
        fields.put("contactMethod", List.of("TEXT"));
        fields.put("reason", List.of("RESTLESS_LEGS"));
        fields.put("message", List.of("Evenings are worst — “quotes” and ünïcode"));
        fields.put("preferredTimes", List.of("friday-evening", "monday-morning"));
        fields.put("consent", List.of("true"));
        return fields;
    }

    /** The page's main heading, or "HTTP 404" (the status) when there is no page to read one from. */
    public String heading(String path) {
        HttpResponse<String> response = get(path);
        return response.statusCode() == 200 ? html(response).select("h1").text() : "HTTP " + response.statusCode();
    }
}
