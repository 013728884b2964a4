package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.site.HttpPages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many browsers on one network address, each with the form open, all sending at the same moment. */
final class SimultaneousInquiries {

    private SimultaneousInquiries() {}

    /** The status of each send. */
    static List<Integer> send(int port, int browsers) throws InterruptedException, ExecutionException {
        List<HttpPages> pages = new ArrayList<>();
        List<Map<String, List<String>>> forms = new ArrayList<>();
        for (int i = 0; i < browsers; i++) {
            HttpPages browser = new HttpPages(port);
            pages.add(browser);
            forms.add(HttpPages.validInquiry(browser.openForm("/contact")));
        }
        CountDownLatch ready = new CountDownLatch(browsers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(browsers);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < browsers; i++) {
                HttpPages browser = pages.get(i);
                Map<String, List<String>> form = forms.get(i);
                sent.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return browser.postForm("/contact", form).statusCode();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : sent) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
