package com.thrivecenter.clinic.inquiry;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A weekday and part of the day when the patient would like to be contacted, written "monday-morning". */
public record PreferredTime(DayOfWeek day, DayPart part) {

    /** The form's check boxes only offer weekdays. */
    public static final List<DayOfWeek> WEEKDAYS = List.of(
            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /** The pattern every submitted value must match, kept in step with {@link #code()}. */
    public static final String CODE_PATTERN = "(monday|tuesday|wednesday|thursday|friday)-(morning|afternoon|evening)";

    public enum DayPart {
        MORNING, AFTERNOON, EVENING;

        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    public static Optional<PreferredTime> parse(String code) {
        if (code == null || !code.matches(CODE_PATTERN)) {
            return Optional.empty();
        }
        String[] parts = code.toUpperCase(Locale.ROOT).split("-");
        return Optional.of(new PreferredTime(DayOfWeek.valueOf(parts[0]), DayPart.valueOf(parts[1])));
    }

    public static List<DayPart> dayParts() {
        return Arrays.asList(DayPart.values());
    }

    public String code() {
        return day.name().toLowerCase(Locale.ROOT) + "-" + part.name().toLowerCase(Locale.ROOT);
    }

    /** "Monday morning". */
    public String label() {
        String dayName = day.name().charAt(0) + day.name().substring(1).toLowerCase(Locale.ROOT);
        return dayName + " " + part.name().toLowerCase(Locale.ROOT);
    }
}
