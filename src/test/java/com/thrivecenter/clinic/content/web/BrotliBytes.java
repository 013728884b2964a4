package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.content.Slug;
import com.thrivecenter.clinic.content.web.RenderedPages.Served;

/** For tests that check Brotli: a page's Brotli bytes are made in the background after its first request. */
final class BrotliBytes {

    private BrotliBytes() {}

    /** Renders the page at the path if it is not yet, and waits until its Brotli bytes are made. */
    static void awaitMade(RenderedPages pages, String path) {
        ((Served) pages.find(Slug.fromRequestPath(path).orElseThrow()).orElseThrow())
                .page()
                .brotli()
                .join();
    }
}
