package com.thrivecenter.clinic.staff.account;

import java.security.Principal;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators add staff accounts, disable and enable them, change their role and set new passwords. A
 * problem is shown at the top and next to the field it concerns, with what was typed kept (never a password).
 */
@Controller
public class AccountController {

    /** As long as the database column. */
    private static final int DISPLAY_NAME_MAX = 100;

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    /** {@code problemFor} names the form a problem belongs to: the add form, or the account whose row it is. */
    private static final String NEW_ACCOUNT = "new";

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
        if (!model.containsAttribute("typedRole")) {
            // A new account is staff unless an administrator chooses otherwise.
            model.addAttribute("typedRole", Role.STAFF);
        }
        model.addAttribute("minPasswordLength", PasswordRule.MIN_CHARACTERS);
        model.addAttribute("passwordHint", PasswordRule.HINT);
        return "staff/accounts";
    }

    @PostMapping("/staff/accounts")
    public String create(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "STAFF") Role role,
            Principal admin,
            RedirectAttributes redirect) {
        if (!email.strip().matches(EMAIL)) {
            return newAccountProblem(
                    redirect, email, role, "email", "Enter the person's email address, like name@example.com.");
        }
        Optional<String> weak = PasswordRule.problem(password);
        if (weak.isPresent()) {
            return newAccountProblem(redirect, email, role, "password", weak.get());
        }
        try {
            service.create(admin.getName(), email, password, role);
        } catch (DuplicateKeyException e) {
            return newAccountProblem(
                    redirect, email, role, "email", "There is already an account for that email address.");
        }
        redirect.addFlashAttribute("done", "Account added for " + email.strip() + ".");
        return "redirect:/staff/accounts";
    }

    @PostMapping("/staff/accounts/enabled")
    public String setEnabled(
            @RequestParam String email, @RequestParam boolean enabled, Principal admin, RedirectAttributes redirect) {
        if (accounts.findByEmail(email).isEmpty()) {
            return problem(redirect, "There is no such account.");
        }
        if (!enabled && isSelf(email, admin)) {
            return problem(redirect, "You cannot disable your own account.");
        }
        service.setEnabled(admin.getName(), email, enabled);
        redirect.addFlashAttribute("done", (enabled ? "Enabled " : "Disabled ") + email + ".");
        return "redirect:/staff/accounts";
    }

    /** The name pages show when this person approves one, such as "Dr. Ana Lee, MD"; empty removes it. */
    @PostMapping("/staff/accounts/name")
    public String setDisplayName(
            @RequestParam String email,
            @RequestParam(defaultValue = "") String displayName,
            Principal admin,
            RedirectAttributes redirect) {
        if (displayName.strip().length() > DISPLAY_NAME_MAX
                || displayName.chars().anyMatch(Character::isISOControl)) {
            return problem(redirect, "A name on pages has at most " + DISPLAY_NAME_MAX + " characters, on one line.");
        }
        if (!service.setDisplayName(admin.getName(), email, displayName)) {
            return problem(redirect, "There is no such account.");
        }
        redirect.addFlashAttribute(
                "done",
                displayName.isBlank()
                        ? "Removed the name on pages of " + StaffAccountRepository.normalise(email) + "."
                        : StaffAccountRepository.normalise(email) + " is now named " + displayName.strip()
                                + " on pages.");
        return "redirect:/staff/accounts";
    }

    @PostMapping("/staff/accounts/role")
    public String changeRole(
            @RequestParam String email, @RequestParam Role role, Principal admin, RedirectAttributes redirect) {
        if (isSelf(email, admin)) {
            return problem(redirect, "You cannot change your own role; ask another administrator.");
        }
        if (service.changeRole(admin.getName(), email, role).isEmpty()) {
            return problem(redirect, "There is no such account.");
        }
        redirect.addFlashAttribute(
                "done",
                StaffAccountRepository.normalise(email) + " is now "
                        + switch (role) {
                            case ADMIN -> "an administrator";
                            case CLINICIAN -> "a clinician";
                            case STAFF -> "staff";
                        }
                        + ".");
        return "redirect:/staff/accounts";
    }

    @PostMapping("/staff/accounts/password")
    public String resetPassword(
            @RequestParam String email,
            @RequestParam(defaultValue = "") String password,
            Principal admin,
            RedirectAttributes redirect) {
        if (accounts.findByEmail(email).isEmpty()) {
            return problem(redirect, "There is no such account.");
        }
        Optional<String> weak = PasswordRule.problem(password);
        if (weak.isPresent()) {
            return problem(redirect, StaffAccountRepository.normalise(email), "password", weak.get());
        }
        service.resetPassword(admin.getName(), email, password);
        redirect.addFlashAttribute("done", "New password set for " + email + ".");
        return "redirect:/staff/accounts";
    }

    private static boolean isSelf(String email, Principal admin) {
        return StaffAccountRepository.normalise(email).equals(admin.getName());
    }

    private static String newAccountProblem(
            RedirectAttributes redirect, String email, Role role, String field, String message) {
        redirect.addFlashAttribute("typedEmail", email);
        redirect.addFlashAttribute("typedRole", role);
        return problem(redirect, NEW_ACCOUNT, field, message);
    }

    private static String problem(RedirectAttributes redirect, String form, String field, String message) {
        redirect.addFlashAttribute("problemFor", form);
        redirect.addFlashAttribute("problemField", field);
        return problem(redirect, message);
    }

    private static String problem(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("problem", message);
        return "redirect:/staff/accounts";
    }
}
