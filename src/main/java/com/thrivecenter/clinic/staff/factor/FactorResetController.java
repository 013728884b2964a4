package com.thrivecenter.clinic.staff.factor;

import com.thrivecenter.clinic.staff.account.StaffAccount;
import com.thrivecenter.clinic.staff.account.StaffAccountRepository;
import java.security.Principal;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** On the Accounts page (administrators only): reset another account's second factors. */
@Controller
public class FactorResetController {

    private final StaffAccountRepository accounts;
    private final FactorReset reset;

    public FactorResetController(StaffAccountRepository accounts, FactorReset reset) {
        this.accounts = accounts;
        this.reset = reset;
    }

    @PostMapping("/staff/accounts/factors")
    public String reset(@RequestParam(defaultValue = "") String email, Principal admin, RedirectAttributes redirect) {
        Optional<String> account = accounts.findByEmail(email).map(StaffAccount::email);
        if (account.isEmpty()) {
            redirect.addFlashAttribute("problem", "There is no such account.");
        } else if (account.get().equals(admin.getName())) {
            // Otherwise one stolen session could remove the passkeys of the administrator it belongs to.
            redirect.addFlashAttribute(
                    "problem", "You cannot reset your own second factors; remove a passkey on Your account.");
        } else {
            int removed = reset.reset(admin.getName(), account.get());
            redirect.addFlashAttribute(
                    "done",
                    "Second factors reset for " + account.get() + ": "
                            + (removed == 1 ? "1 passkey" : removed + " passkeys")
                            + " removed, codes not yet used cancelled and every open session ended.");
        }
        return "redirect:/staff/accounts";
    }
}
