package com.thrivecenter.clinic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves forward by hand, so nothing waits for real time to pass. */
public class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock() {
        // Whole milliseconds, as databases keep them: a frozen time must compare equal to itself once stored.
        this(new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MILLIS)), ZoneId.systemDefault());
    }

    /** A clock standing at this instant, in this zone, until a test moves it. */
    public static MutableClock at(Instant start, ZoneId zone) {
        return new MutableClock(new AtomicReference<>(start), zone);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time, seen from another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }
}
