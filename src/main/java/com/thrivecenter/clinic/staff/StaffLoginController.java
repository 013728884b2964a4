package com.thrivecenter.clinic.staff;

import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the sign-in itself. */
@Controller
public class StaffLoginController {

    private final Lockout lockout;

    public StaffLoginController(StaffProperties properties) {
        this.lockout = new Lockout(count(properties.lockAfter(), "wrong password"), spoken(properties.lockFor()));
    }

    @GetMapping("/staff/login")
    public String login(Model model) {
        model.addAttribute("lockout", lockout);
        return "staff/login";
    }

    /**
     * The lockout rule as the sign-in page states it, from the settings the lockout itself uses.
     *
     * @param wrongPasswords "5 wrong passwords"
     * @param duration       "15 minutes"
     */
    public record Lockout(String wrongPasswords, String duration) {}

    /** A duration in the largest whole unit that states it exactly: "1 hour", "15 minutes", "90 seconds". */
    private static String spoken(Duration duration) {
        if (duration.toSecondsPart() != 0 || duration.isZero()) {
            return count(duration.toSeconds(), "second");
        }
        if (duration.toMinutesPart() != 0) {
            return count(duration.toMinutes(), "minute");
        }
        if (duration.toHoursPart() != 0) {
            return count(duration.toHours(), "hour");
        }
        return count(duration.toDays(), "day");
    }

    private static String count(long number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}
