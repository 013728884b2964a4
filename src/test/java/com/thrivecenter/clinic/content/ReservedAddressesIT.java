package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.thrivecenter.clinic.site.HttpPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The application owns its address space: content files in reserved folders are reported and never served,
 * and every path the running application maps is on the reserved list.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReservedAddressesIT {

    @TempDir
    static Path content;

    @DynamicPropertySource
    static void contentFolder(DynamicPropertyRegistry registry) {
        ContentFiles files = new ContentFiles(content);
        files.write("index.md", page("Home", "nav:\n  label: Home\n  order: 1\n", "Welcome."));
        files.write("contact.md", page("Book a consultation", "form: contact\n", "Tell us a little about yourself."));
        files.write("staff/notes.md", page("Staff notes", "nav:\n  label: Notes\n  order: 2\n", "Internal notes."));
        files.write("staff/index.md", page("Staff", "", "Not the staff area."));
        files.write("actuator/health.md", page("Health", "", "Not the health check."));
        registry.add("clinic.content.dir", content::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    ContentRepository repository;

    @Autowired
    ApplicationContext context;

    @Value("${management.endpoints.web.base-path:/actuator}")
    String actuatorBasePath;

    @Test
    void aContentFileInTheStaffAreaDoesNotOpenItToEveryone() {
        HttpPages browser = new HttpPages(port);
        for (String path : List.of("/staff/notes", "/staff")) {
            HttpResponse<String> response = browser.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/staff/login"));
            assertThat(response.body()).doesNotContain("Internal notes.", "Not the staff area.");
        }
    }

    @Test
    void theHealthCheckStillAnswersJson() {
        HttpPages browser = new HttpPages(port);
        HttpResponse<String> response = browser.send(browser.request("/actuator/health")
                .header("Accept", "application/json")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(response.body()).startsWith("{").contains("\"status\":\"UP\"");
    }

    @Test
    void reservedFilesAreReportedWithFileAndLineAndLeftOutOfMenuAndSitemap() {
        assertThat(repository.current().problems())
                .extracting(ContentProblem::file, ContentProblem::line)
                .containsExactlyInAnyOrder(
                        tuple("actuator/health.md", 1), tuple("staff/index.md", 1), tuple("staff/notes.md", 1));

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = ContentCheck.run(content, new PrintStream(output, true, StandardCharsets.UTF_8));
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains(
                        content.resolve("staff/notes.md")
                                + ":1: error: the address /staff/notes belongs to the website itself",
                        content.resolve("staff/index.md")
                                + ":1: error: the address /staff belongs to the website itself",
                        content.resolve("actuator/health.md")
                                + ":1: error: the address /actuator/health belongs to the website itself");

        HttpPages browser = new HttpPages(port);
        Document home = HttpPages.html(browser.get("/"));
        assertThat(home.select("nav a").eachAttr("href"))
                .doesNotContain("/staff/notes")
                .doesNotContain("/staff");
        String sitemap = browser.get("/sitemap.xml").body();
        assertThat(sitemap).contains("/contact</loc>").doesNotContain("/staff", "/actuator");
    }

    @Test
    void theContactFormShowsItsIntroduction() {
        Document page = HttpPages.html(new HttpPages(port).get("/contact"));

        assertThat(page.select("h1").text()).isEqualTo("Book a consultation");
        assertThat(page.select("main").text()).contains("Tell us a little about yourself.");
        assertThat(page.select("form[action=/contact]")).hasSize(1);
    }

    @Test
    void aPathOfThousandsOfSegmentsGetsTheSitesNotFoundPage() {
        HttpResponse<String> response = new HttpPages(port).get("/a".repeat(2_500));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(HttpPages.html(response).select("h1").text()).isEqualTo("Page not found");
    }

    /** Adding a controller, a static folder or a security URL without reserving its address fails here. */
    @Test
    void everyPathTheApplicationMapsIsReserved() {
        TreeSet<String> mapped = new TreeSet<>(mappedPaths());
        mapped.add(actuatorBasePath);
        mapped.addAll(securityPaths());

        assertThat(mapped)
                .contains(
                        "/staff/login",
                        "/staff/logout",
                        "/actuator/health",
                        "/css/**",
                        "/images/**",
                        "/favicon.svg",
                        "/contact",
                        "/contact/thanks",
                        "/error",
                        "/sitemap.xml",
                        "/robots.txt");
        assertThat(mapped).allSatisfy(path -> assertThat(ReservedAddresses.isReserved(path))
                .as("%s is mapped by the application but not in ReservedAddresses.FIRST_PARTS", path)
                .isTrue());
    }

    /** Controller patterns and URL handlers; Spring Boot's static files ("/**") by the names in the static folder. */
    private List<String> mappedPaths() {
        List<String> paths = new ArrayList<>();
        for (HandlerMapping mapping :
                context.getBeansOfType(HandlerMapping.class).values()) {
            if (mapping instanceof RequestMappingInfoHandlerMapping handlers) {
                handlers.getHandlerMethods().keySet().forEach(info -> paths.addAll(info.getPatternValues()));
            } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                urls.getHandlerMap().keySet().forEach(pattern -> {
                    if (pattern.equals("/**")) {
                        paths.addAll(staticFiles());
                    } else {
                        paths.add(pattern);
                    }
                });
            } else if (mapping instanceof RouterFunctionMapping functions) {
                assertThat(functions.getRouterFunction())
                        .as("router functions: list their paths in this test")
                        .isNull();
            }
        }
        return paths;
    }

    /** "/css/**" for a folder, "/favicon.svg" for a file: what the static folder answers at the top level. */
    private static List<String> staticFiles() {
        try (var entries = Files.list(new ClassPathResource("static").getFilePath())) {
            return entries.map(entry -> "/" + entry.getFileName() + (Files.isDirectory(entry) ? "/**" : ""))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paths Spring Security's filters answer themselves (sign-in, sign-out, and any added later). */
    private List<String> securityPaths() {
        Pattern path = Pattern.compile("/[^\\s\\],']*");
        List<String> paths = new ArrayList<>();
        for (SecurityFilterChain chain :
                context.getBeansOfType(SecurityFilterChain.class).values()) {
            chain.getFilters()
                    .forEach(filter -> ReflectionUtils.doWithFields(
                            filter.getClass(),
                            field -> {
                                ReflectionUtils.makeAccessible(field);
                                Object matcher = field.get(filter);
                                if (matcher != null) {
                                    Matcher found = path.matcher(matcher.toString());
                                    while (found.find()) {
                                        paths.add(found.group());
                                    }
                                }
                            },
                            field -> RequestMatcher.class.isAssignableFrom(field.getType())));
        }
        return paths;
    }
}
