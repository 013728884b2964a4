package com.thrivecenter.clinic.inquiry;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A weekday and part of the day when the patient would like to be contacted, written "monday-morning". */
public record PreferredTime(DayOfWeek day, DayPart part) {

    /** The form's check boxes only offer weekdays. */
    private static final List<DayOfWeek> WEEKDAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /** The form field the check boxes belong to. */
    static final String FIELD = "preferredTimes";

    public enum DayPart {
        MORNING,
        AFTERNOON,
        EVENING;

        public String label() {
            return capitalised(name());
        }
    }

    /** One weekday's row of check boxes on the form. */
    public record Weekday(String label, List<PreferredTime> times) {}

    /** The weekdays the form offers, each with its parts of the day, in the order the form shows them. */
    public static List<Weekday> weekdays() {
        return WEEKDAYS.stream()
                .map(day -> new Weekday(
                        capitalised(day.name()),
                        Arrays.stream(DayPart.values())
                                .map(part -> new PreferredTime(day, part))
                                .toList()))
                .toList();
    }

    /** The time a code stands for, when it is one the form offers. */
    public static Optional<PreferredTime> parse(String code) {
        return weekdays().stream()
                .flatMap(weekday -> weekday.times().stream())
                .filter(time -> time.code().equals(code))
                .findFirst();
    }

    /** "monday-morning": the value the form sends and the database keeps. */
    public String code() {
        return day.name().toLowerCase(Locale.ROOT) + "-" + part.name().toLowerCase(Locale.ROOT);
    }

    /** The id of this time's check box on the form. */
    public String id() {
        return FIELD + "-" + code();
    }

    /** "Monday morning". */
    public String label() {
        return capitalised(day.name()) + " " + part.name().toLowerCase(Locale.ROOT);
    }

    private static String capitalised(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
