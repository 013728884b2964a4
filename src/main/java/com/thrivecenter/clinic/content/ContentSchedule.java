package com.thrivecenter.clinic.content;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks every second whether a scheduled page's time has come: a comparison of two times, nothing more. */
@Component
class ContentSchedule {

    private final ContentRepository repository;

    ContentSchedule(ContentRepository repository) {
        this.repository = repository;
    }

    @Scheduled(fixedDelay = 1000)
    void follow() {
        repository.followSchedule();
    }
}
