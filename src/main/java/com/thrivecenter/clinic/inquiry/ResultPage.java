package com.thrivecenter.clinic.inquiry;

import java.util.List;

/** One page of results, and where it stands among all of them. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
