package com.thrivecenter.clinic.staff.factor;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member of staff's own account page: their passkeys, a new one added (by the page's script, through Spring
 * Security's registration endpoints) and one removed.
 */
@Controller
public class YourAccountController {

    static final String PAGE = "/staff/account";
    /** Longest label a passkey may have: what the database keeps. */
    static final int LONGEST_LABEL = 100;

    private final Passkeys passkeys;

    public YourAccountController(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @GetMapping(PAGE)
    public String page(Principal you, Model model) {
        model.addAttribute("passkeys", passkeys.of(you.getName()));
        model.addAttribute("longestLabel", LONGEST_LABEL);
        return "staff/account";
    }

    @PostMapping(PAGE + "/passkeys/remove")
    public String remove(@RequestParam(defaultValue = "") String id, Principal you, RedirectAttributes redirect) {
        if (passkeys.remove(you.getName(), id)) {
            redirect.addFlashAttribute("done", "Passkey removed. It no longer signs you in.");
        } else {
            redirect.addFlashAttribute("problem", "That passkey is not one of yours, or was removed already.");
        }
        return "redirect:" + PAGE;
    }
}
