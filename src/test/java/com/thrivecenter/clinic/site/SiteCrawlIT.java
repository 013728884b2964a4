package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Crawls the real site, built from the project's own content folder, as a visitor following every link. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SiteCrawlIT {

    @LocalServerPort
    int port;

    @Test
    void everyInternalLinkFromTheHomePageAnswersWithACompletePage() {
        HttpPages http = new HttpPages(port);
        Map<String, Document> pages = new LinkedHashMap<>();
        Map<String, String> anchorsToCheck = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add("/");
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (pages.containsKey(path)) {
                continue;
            }
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
            Document page = HttpPages.html(response);
            pages.put(path, page);
            for (Element link : page.select("a[href]")) {
                URI target = URI.create(link.absUrl("href"));
                if (!"localhost".equals(target.getHost()) || target.getPort() != port) {
                    continue;
                }
                String targetPath = target.getRawPath().isEmpty() ? "/" : target.getRawPath();
                if (target.getRawFragment() != null && !target.getRawFragment().equals("main-content")) {
                    anchorsToCheck.put(targetPath + "#" + target.getRawFragment(), path);
                }
                queue.add(targetPath);
            }
        }

        assertThat(pages.keySet())
                .contains(
                        "/",
                        "/migraine",
                        "/migraine/stages",
                        "/migraine/managing",
                        "/ketamine",
                        "/ketamine/what-to-expect",
                        "/conditions/fibromyalgia",
                        "/conditions/crps",
                        "/conditions/restless-legs",
                        "/faq",
                        "/contact",
                        "/privacy",
                        "/medical-disclaimer");
        pages.forEach((path, page) -> {
            assertThat(page.select("h1")).as("h1 on %s", path).hasSize(1);
            assertThat(page.title())
                    .as("title of %s", path)
                    .endsWith(" · Thrive Center for Health")
                    .hasSizeGreaterThan(30);
            assertThat(page.select("meta[name=description]").attr("content"))
                    .as("description of %s", path)
                    .isNotBlank();
        });
        anchorsToCheck.forEach((link, from) -> {
            String[] parts = link.split("#", 2);
            assertThat(pages.get(parts[0]).getElementById(parts[1]))
                    .as("anchor %s linked from %s", link, from)
                    .isNotNull();
        });
    }
}
