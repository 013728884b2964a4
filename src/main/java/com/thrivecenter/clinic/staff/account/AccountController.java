package com.thrivecenter.clinic.staff.account;

import java.security.Principal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators add staff accounts, disable and enable them, and set new passwords. */
@Controller
public class AccountController {

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final String PASSWORD_RULE =
            "Choose a password of at least " + AccountService.MIN_PASSWORD_LENGTH + " characters.";

    private final StaffAccountRepository accounts;
    private final AccountService service;

    public AccountController(StaffAccountRepository accounts, AccountService service) {
        this.accounts = accounts;
        this.service = service;
    }

    @GetMapping("/staff/accounts")
    public String list(Model model) {
        model.addAttribute("accounts", accounts.findAll());
        model.addAttribute("roles", Role.values());
        model.addAttribute("minPasswordLength", AccountService.MIN_PASSWORD_LENGTH);
        return "staff/accounts";
    }

    @PostMapping("/staff/accounts")
    public String create(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "STAFF") Role role, Principal admin, RedirectAttributes redirect) {
        if (!email.strip().matches(EMAIL)) {
            return problem(redirect, "Enter the person's email address, like name@example.com.");
        }
        if (tooShort(password)) {
            return problem(redirect, PASSWORD_RULE);
        }
        try {
            service.create(admin.getName(), email, password, role);
        } catch (DuplicateKeyException e) {
            return problem(redirect, "There is already an account for that email address.");
        }
        redirect.addFlashAttribute("done", "Account added for " + email.strip() + ".");
        return "redirect:/staff/accounts";
    }

    @PostMapping("/staff/accounts/enabled")
    public String setEnabled(@RequestParam String email, @RequestParam boolean enabled, Principal admin,
            RedirectAttributes redirect) {
        if (accounts.findByEmail(email).isEmpty()) {
            return problem(redirect, "There is no such account.");
        }
        if (!enabled && StaffAccountRepository.normalise(email).equals(admin.getName())) {
            return problem(redirect, "You cannot disable your own account.");
        }
        service.setEnabled(admin.getName(), email, enabled);
        redirect.addFlashAttribute("done", (enabled ? "Enabled " : "Disabled ") + email + ".");
        return "redirect:/staff/accounts";
    }

    @PostMapping("/staff/accounts/password")
    public String resetPassword(@RequestParam String email, @RequestParam(defaultValue = "") String password,
            Principal admin, RedirectAttributes redirect) {
        if (accounts.findByEmail(email).isEmpty()) {
            return problem(redirect, "There is no such account.");
        }
        if (tooShort(password)) {
            return problem(redirect, PASSWORD_RULE);
        }
        service.resetPassword(admin.getName(), email, password);
        redirect.addFlashAttribute("done", "New password set for " + email + ".");
        return "redirect:/staff/accounts";
    }

    private static boolean tooShort(String password) {
        return password.length() < AccountService.MIN_PASSWORD_LENGTH;
    }

    private static String problem(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("problem", message);
        return "redirect:/staff/accounts";
    }
}
