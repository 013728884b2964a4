package com.thrivecenter.clinic.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import com.thrivecenter.clinic.SiteInstance;
import com.thrivecenter.clinic.site.HttpPages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the site on one PostgreSQL, each with a content folder of its own cloned from one bare Git
 * repository (the content store, holding the fixture pages): what staff save on one is live on the other within the
 * pull interval plus two seconds; saves of different pages at once both land; of the same page, one wins and the
 * other gets the editor's conflict page with the typed text; with the store gone, saves still work and say so.
 */
class ContentReplicationIT {

    private static final String ADMIN = "replication.admin@clinic.example";
    private static final String PASSWORD = "replication-admin-password";
    /** The pull interval in this test; a save is live elsewhere within it plus two seconds. */
    private static final Duration PULL = Duration.ofSeconds(1);

    private static final Duration LIVE_ELSEWHERE = PULL.plusSeconds(2);

    private static EmbeddedPostgres postgres;
    private static Path folders;
    private static Path store;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgresServer.start();
        folders = TemporaryContent.create("replication");
        store = folders.resolve("store.git");
        fillStoreWithFixturePages();
        a = instance("a");
        b = instance("b");
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {a, b}) {
            if (context != null) {
                context.close();
            }
        }
        postgres.close();
        TemporaryContent.delete(folders);
    }

    @Test
    void aPageSavedOnAIsLiveOnBWithinThePullIntervalAndTwoSeconds() {
        String title = "Answers " + UUID.randomUUID();

        HttpResponse<String> saved = save(signIn(a), "/faq", title, "Answers saved on A.");

        assertThat(saved.statusCode()).isEqualTo(302);
        HttpPages onB = new HttpPages(port(b));
        await().atMost(LIVE_ELSEWHERE).pollInterval(Duration.ofMillis(100)).until(() -> onB.heading("/faq")
                .equals(title));
    }

    /**
     * The load balancer may send the editor's next request to another instance than the one that saved: the editor
     * there opens the saved text at once, not its older copy, even long before its next pull.
     */
    @Test
    void theEditorOnAnotherInstanceOpensTheTextJustSaved() {
        ConfigurableApplicationContext rarelyPulling = instance("c", Duration.ofHours(1));
        try {
            String title = "Answers " + UUID.randomUUID();
            HttpPages staffOnA = signIn(a);

            assertThat(save(staffOnA, "/faq", title, "Just saved on A.").statusCode())
                    .isEqualTo(302);

            Document editorOnC =
                    HttpPages.html(staffOnA.sameBrowserOn(port(rarelyPulling)).get("/staff/content/edit/faq"));
            assertThat(editorOnC.select("input[name=title]").val()).isEqualTo(title);
            assertThat(editorOnC.select("textarea[name=body]").text()).isEqualTo("Just saved on A.");
        } finally {
            rarelyPulling.close();
        }
    }

    @Test
    void differentPagesSavedOnBothAtOnceBothLandEverywhere() {
        HttpPages staffOnA = signIn(a);
        HttpPages staffOnB = signIn(b);
        String visit = "Visit " + UUID.randomUUID();
        String faq = "Answers " + UUID.randomUUID();
        Map<String, List<String>> visitForm = edited(staffOnA, "/visit", visit, "Saved on A.");
        Map<String, List<String>> faqForm = edited(staffOnB, "/faq", faq, "Saved on B.");

        List<HttpResponse<String>> responses = atOnce(() -> post(staffOnA, visitForm), () -> post(staffOnB, faqForm));

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(302, 302);
        for (ConfigurableApplicationContext instance : List.of(a, b)) {
            HttpPages visitor = new HttpPages(port(instance));
            await().atMost(LIVE_ELSEWHERE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> visitor.heading("/visit").equals(visit)
                            && visitor.heading("/faq").equals(faq));
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theSamePageSavedOnBothAtOnceOneWinsAndTheOtherSeesTheConflictWithItsText(CapturedOutput log) {
        HttpPages staffOnA = signIn(a);
        HttpPages staffOnB = signIn(b);
        bothServeTheSameVisitPage();
        String fromATitle = "Visit from A " + UUID.randomUUID();
        String fromBTitle = "Visit from B " + UUID.randomUUID();
        Map<String, List<String>> fromA = edited(staffOnA, "/visit", fromATitle, "Typed on A.");
        Map<String, List<String>> fromB = edited(staffOnB, "/visit", fromBTitle, "Typed on B.");

        List<HttpResponse<String>> responses = atOnce(() -> post(staffOnA, fromA), () -> post(staffOnB, fromB));

        assertThat(responses)
                .extracting(HttpResponse::statusCode)
                .as(() -> "what the instances logged:%n%s".formatted(log))
                .containsExactlyInAnyOrder(302, 409);
        int loser = responses.get(0).statusCode() == 409 ? 0 : 1;
        Document conflict = HttpPages.html(responses.get(loser));
        assertThat(conflict.select("textarea[name=body]").text()).isEqualTo(loser == 0 ? "Typed on A." : "Typed on B.");
        String winner = loser == 0 ? fromBTitle : fromATitle;
        for (ConfigurableApplicationContext instance : List.of(a, b)) {
            HttpPages visitor = new HttpPages(port(instance));
            await().atMost(LIVE_ELSEWHERE).pollInterval(Duration.ofMillis(100)).until(() -> visitor.heading("/visit")
                    .equals(winner));
        }
    }

    @Test
    void withTheStoreGoneASaveWorksHereAndSaysSoAndReachesBOnceTheStoreIsBack() throws IOException {
        HttpPages staffOnA = signIn(a);
        String title = "Answers " + UUID.randomUUID();
        HttpPages onB = new HttpPages(port(b));
        String shownOnB = onB.heading("/faq");
        Path away = folders.resolve("away.git");
        Files.move(store, away);
        try {
            HttpResponse<String> saved = save(staffOnA, "/faq", title, "Saved while the store was gone.");

            assertThat(saved.statusCode()).isEqualTo(302);
            Document confirmation = HttpPages.html(
                    staffOnA.get(saved.headers().firstValue("Location").orElseThrow()));
            assertThat(confirmation.text()).contains("The content store cannot be reached");
            assertThat(new HttpPages(port(a)).heading("/faq")).isEqualTo(title);
            Document contentPage = HttpPages.html(staffOnA.get("/staff/content"));
            assertThat(contentPage.select(".store-unreachable").text())
                    .contains("The content store cannot be reached")
                    .contains("1 version waits to be sent.");
            HttpResponse<String> health = health(a, "store");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body())
                    .contains("\"status\":\"UP\"")
                    .contains("\"store\":\"unreachable\"")
                    .contains("\"versionsWaiting\":1")
                    .contains("\"storeUnreachableSince\":")
                    .doesNotContain(store.toString(), folders.toString());
            assertThat(health(a, "readiness").statusCode()).isEqualTo(200);
            assertThat(onB.get("/faq").statusCode()).isEqualTo(200);
            assertThat(onB.heading("/faq")).isEqualTo(shownOnB);
        } finally {
            Files.move(away, store);
        }

        await().atMost(PULL.plus(LIVE_ELSEWHERE))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> onB.heading("/faq").equals(title));
        await().atMost(LIVE_ELSEWHERE).until(() -> HttpPages.html(staffOnA.get("/staff/content"))
                .select(".store-unreachable")
                .isEmpty());
        assertThat(health(a, "store").body())
                .contains("\"store\":\"reachable\"")
                .contains("\"versionsWaiting\":0");
    }

    /** A health group as an operator reads it; "store" shows the content component with its details. */
    private static HttpResponse<String> health(ConfigurableApplicationContext instance, String group) {
        HttpPages operator = new HttpPages(port(instance));
        return operator.send(operator.request("/actuator/health/" + group)
                .setHeader("Accept", "application/json")
                .build());
    }

    /** Both instances have pulled the newest visit page, so both editors open the same version of it. */
    private static void bothServeTheSameVisitPage() {
        await().atMost(LIVE_ELSEWHERE).pollInterval(Duration.ofMillis(100)).until(() -> {
            String onA = Files.readString(folders.resolve("a/visit.md"));
            return onA.equals(Files.readString(folders.resolve("b/visit.md")));
        });
    }

    private static HttpResponse<String> save(HttpPages staff, String path, String title, String body) {
        return post(staff, edited(staff, path, title, body));
    }

    /** The editor's form for the page as it opens, with a new title and text, ready to save. */
    private static Map<String, List<String>> edited(HttpPages staff, String path, String title, String body) {
        Document editor = HttpPages.html(staff.get("/staff/content/edit" + path));
        FormElement form = (FormElement) editor.selectFirst("form#page-form");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        form.formData().forEach(field -> fields.computeIfAbsent(field.key(), key -> new ArrayList<>())
                .add(field.value()));
        fields.put("title", List.of(title));
        fields.put("body", List.of(body));
        fields.put("action", List.of("save"));
        return fields;
    }

    private static HttpResponse<String> post(HttpPages staff, Map<String, List<String>> fields) {
        return staff.postForm("/staff/content/edit", fields);
    }

    @SafeVarargs
    private static List<HttpResponse<String>> atOnce(Supplier<HttpResponse<String>>... posts) {
        CyclicBarrier start = new CyclicBarrier(posts.length);
        List<CompletableFuture<HttpResponse<String>>> sent = Stream.of(posts)
                .map(post -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return post.get();
                }))
                .toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }

    private static HttpPages signIn(ConfigurableApplicationContext instance) {
        HttpPages browser = new HttpPages(port(instance));
        Map<String, List<String>> fields = browser.openForm("/staff/login");
        fields.put("email", List.of(ADMIN));
        fields.put("password", List.of(PASSWORD));
        HttpResponse<String> signedIn = browser.postForm("/staff/login", fields);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff"));
        return browser;
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext instance(String name) {
        return instance(name, PULL);
    }

    private static ConfigurableApplicationContext instance(String name, Duration pullInterval) {
        return SiteInstance.start(
                        postgres,
                        Map.of(
                                "clinic.content.dir", folders.resolve(name),
                                "clinic.content.remote", store,
                                "clinic.content.pull-interval", pullInterval.toSeconds() + "s",
                                "clinic.staff.admin-email", ADMIN,
                                "clinic.staff.admin-password", PASSWORD))
                .context();
    }

    /** The fixture pages as the store's first version, pushed from a working copy that is then thrown away. */
    private static void fillStoreWithFixturePages() throws Exception {
        Git.init()
                .setBare(true)
                .setInitialBranch("main")
                .setDirectory(store.toFile())
                .call()
                .close();
        Path seed = folders.resolve("seed");
        TemporaryContent.copy(Path.of("src/test/resources/fixture-content"), seed);
        try (Git git =
                Git.init().setInitialBranch("main").setDirectory(seed.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setAuthor("Website", "")
                    .setCommitter("Website", "")
                    .setMessage("The fixture pages")
                    .setSign(false)
                    .call();
            git.push().setRemote(store.toUri().toString()).add("main").call();
        }
        TemporaryContent.delete(seed);
    }
}
