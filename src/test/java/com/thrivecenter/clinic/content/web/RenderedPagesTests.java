package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.Slug;
import com.thrivecenter.clinic.content.web.RenderedPages.RenderedPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * A page is held for one content snapshot: whatever a reload races with, no stale page is kept; and the pages held
 * stay within their memory.
 */
class RenderedPagesTests {

    private static final Slug FAQ = new Slug("faq");
    /** Room for every page of these tests. */
    private static final DataSize ROOM = DataSize.ofMegabytes(1);

    @TempDir
    Path folder;

    private ContentRepository repository;
    private PageRenderer renderer;
    private BrotliCompressor brotli;
    private RenderedPages rendered;
    private final AtomicInteger compressions = new AtomicInteger();
    private final AtomicInteger renders = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        write("index.md", "Home");
        write("faq.md", "Questions 0");
        repository = ContentRepository.forFolder(folder);
        // The page's title stands for the whole rendering: what matters is which version of the page is served.
        renderer = mock(PageRenderer.class);
        when(renderer.render(any(), any())).thenAnswer(call -> {
            renders.incrementAndGet();
            return "<h1>" + call.getArgument(1, Page.class).title() + "</h1>";
        });
        brotli = new BrotliCompressor(new PublishingProperties(11, ROOM)) {
            @Override
            byte[] compress(byte[] bytes) {
                compressions.incrementAndGet();
                return super.compress(bytes);
            }
        };
        rendered = new RenderedPages(repository, renderer, brotli, new PublishingProperties(11, ROOM));
    }

    @AfterEach
    void stopCompressing() {
        brotli.destroy();
    }

    private void write(String file, String title) throws IOException {
        Files.writeString(
                folder.resolve(file), "---\ntitle: " + title + "\ndescription: About " + title + ".\n---\nText.\n");
    }

    private RenderedPage served(Slug slug) {
        return ((RenderedPages.Served) rendered.find(slug).orElseThrow()).page();
    }

    private String servedTitle() {
        RenderedPage page = served(FAQ);
        String html = new String(page.html(), StandardCharsets.UTF_8);
        return html.substring("<h1>".length(), html.length() - "</h1>".length());
    }

    @Test
    void aPageIsReadyOnlyOnceRenderedFromTheContentAsItStands() throws IOException {
        assertThat(rendered.ready(FAQ)).isEmpty();
        assertThat(renders.get()).isZero();

        RenderedPage first = served(FAQ);
        assertThat(rendered.ready(FAQ)).containsSame(first);

        write("faq.md", "Questions 1");
        repository.reload();
        assertThat(rendered.ready(FAQ)).isEmpty();
        assertThat(rendered.ready(new Slug("no-such-page"))).isEmpty();
        int renderedSoFar = renders.get();

        RenderedPage afterReload = served(FAQ);
        assertThat(rendered.ready(FAQ)).containsSame(afterReload);
        assertThat(renders.get()).isEqualTo(renderedSoFar + 1);
    }

    @Test
    void aPageIsRenderedOncePerSnapshot() throws IOException {
        RenderedPage first = served(FAQ);
        assertThat(served(FAQ)).isSameAs(first);

        write("faq.md", "Questions 1");
        repository.reload();

        RenderedPage afterReload = served(FAQ);
        assertThat(afterReload.etag()).isNotEqualTo(first.etag());
        assertThat(new String(afterReload.html(), StandardCharsets.UTF_8)).isEqualTo("<h1>Questions 1</h1>");
        assertThat(served(FAQ)).isSameAs(afterReload);
    }

    @Test
    void aPageThatComesOutTheSameAfterAnotherPagesEditKeepsItsCompressedBytes() throws IOException {
        RenderedPage first = served(FAQ);
        first.brotli().join();
        int compressed = compressions.get();

        write("index.md", "Home, edited");
        repository.reload();

        assertThat(served(FAQ)).isSameAs(first);
        RenderedPage home = served(Slug.HOME);
        assertThat(new String(home.html(), StandardCharsets.UTF_8)).isEqualTo("<h1>Home, edited</h1>");
        home.brotli().join();
        assertThat(compressions.get()).isEqualTo(compressed + 1);
    }

    @Test
    void noRequestWaitsForBrotliThePageGoesGzippedUntilItsBrotliBytesAreMade() {
        HeldBackBrotli slow = new HeldBackBrotli();
        try {
            RenderedPages pages = new RenderedPages(repository, renderer, slow, new PublishingProperties(11, ROOM));

            RenderedPage page = ((RenderedPages.Served) pages.find(FAQ).orElseThrow()).page();
            assertThat(PageEncoding.of(page, "gzip, deflate, br, zstd")).isEqualTo(PageEncoding.GZIP);
            assertThat(PageEncoding.of(page, "br")).isEqualTo(PageEncoding.IDENTITY);

            slow.letGo();
            page.brotli().join();
            assertThat(PageEncoding.of(page, "gzip, deflate, br, zstd")).isEqualTo(PageEncoding.BROTLI);
            assertThat(PageEncoding.BROTLI.body(page)).isNotEmpty().isNotEqualTo(page.gzipped());
        } finally {
            slow.destroy();
        }
    }

    @Test
    void aPageWhoseBrotliBytesCouldNotBeMadeHasThemMadeWhenRenderedAgain() throws IOException {
        for (int page = 0; page <= BrotliCompressor.MOST_WAITING; page++) {
            write("page-" + page + ".md", "Page " + page);
        }
        repository.reload();
        HeldBackBrotli behind = new HeldBackBrotli();
        try {
            RenderedPages pages = new RenderedPages(repository, renderer, behind, new PublishingProperties(11, ROOM));
            List<RenderedPage> first = new ArrayList<>();
            for (int page = 0; page <= BrotliCompressor.MOST_WAITING; page++) {
                first.add(((RenderedPages.Served)
                                pages.find(new Slug("page-" + page)).orElseThrow())
                        .page());
            }
            RenderedPage tooLate = ((RenderedPages.Served) pages.find(FAQ).orElseThrow()).page();
            assertThat(tooLate.brotli()).isCompletedExceptionally();
            behind.letGo();
            first.forEach(page -> page.brotli().join());

            write("index.md", "Home, edited");
            repository.reload();

            RenderedPage again = ((RenderedPages.Served) pages.find(FAQ).orElseThrow()).page();
            assertThat(again.html()).isEqualTo(tooLate.html());
            assertThat(again.gzipped()).isSameAs(tooLate.gzipped());
            assertThat(again.brotli().join()).isNotEmpty();
            assertThat(PageEncoding.of(again, "br")).isEqualTo(PageEncoding.BROTLI);
        } finally {
            behind.destroy();
        }
    }

    @Test
    void onceAReloadReturnsEveryRequestGetsTheNewPageWhateverRequestsRacedWithIt() throws Exception {
        AtomicBoolean editing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int reader = 0; reader < 4; reader++) {
                running.add(readers.submit(() -> {
                    while (editing.get()) {
                        assertThat(servedTitle()).startsWith("Questions ");
                    }
                }));
            }
            for (int edit = 1; edit <= 300; edit++) {
                write("faq.md", "Questions " + edit);
                repository.reload();
                assertThat(servedTitle()).as("after edit %d", edit).isEqualTo("Questions " + edit);
            }
            editing.set(false);
            for (Future<?> reader : running) {
                reader.get();
            }
        } finally {
            editing.set(false);
            readers.shutdownNow();
        }
    }

    @Test
    void pagesBeyondTheirMemoryAreLetGoAndMadeAgainWhenAskedFor() throws IOException {
        for (int page = 0; page < 20; page++) {
            write("page-" + page + ".md", "Page " + page);
        }
        repository.reload();
        RenderedPage one = served(new Slug("page-0"));
        long pageSize = one.html().length + 2L * one.gzipped().length;
        RenderedPages roomForThree = new RenderedPages(
                repository, renderer, brotli, new PublishingProperties(11, DataSize.ofBytes(3 * pageSize)));
        renders.set(0);

        for (int round = 0; round < 3; round++) {
            for (int page = 0; page < 20; page++) {
                RenderedPage served = ((RenderedPages.Served)
                                roomForThree.find(new Slug("page-" + page)).orElseThrow())
                        .page();
                assertThat(new String(served.html(), StandardCharsets.UTF_8)).isEqualTo("<h1>Page " + page + "</h1>");
            }
        }

        assertThat(renders.get())
                .as("at most three of the twenty pages stay held between rounds")
                .isGreaterThanOrEqualTo(20 + 2 * 17);
        RenderedPages roomForAll = new RenderedPages(repository, renderer, brotli, new PublishingProperties(11, ROOM));
        renders.set(0);
        for (int round = 0; round < 3; round++) {
            for (int page = 0; page < 20; page++) {
                roomForAll.find(new Slug("page-" + page));
            }
        }
        assertThat(renders.get())
                .as("with room for all, each page is made once")
                .isEqualTo(20);
    }

    @Test
    void draftsAndUnknownAddressesHaveNoPage() throws IOException {
        Files.writeString(
                folder.resolve("draft.md"), "---\ntitle: Draft\ndescription: A draft.\ndraft: true\n---\nText.\n");
        repository.reload();

        assertThat(rendered.find(new Slug("draft"))).isEmpty();
        assertThat(rendered.find(new Slug("nope"))).isEmpty();
    }

    @Test
    void anOldAddressOfAMovedPageFindsItsNewAddress() throws IOException {
        Files.writeString(
                folder.resolve("questions.md"),
                "---\ntitle: Questions\ndescription: Asked.\naliases:\n  - /old-questions\n---\nText.\n");
        repository.reload();

        assertThat(rendered.find(new Slug("old-questions"))).contains(new RenderedPages.Moved("/questions"));
        assertThat(rendered.find(new Slug("questions"))).containsInstanceOf(RenderedPages.Served.class);
    }
}
