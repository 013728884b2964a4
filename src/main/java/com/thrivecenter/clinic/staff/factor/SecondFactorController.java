package com.thrivecenter.clinic.staff.factor;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page between the password and the staff area: use one of the account's passkeys, or ask for a code by email
 * and enter it.
 */
@Controller
public class SecondFactorController {

    /** A code is a UUID (36 characters); anything much longer in the link is not one of ours. */
    private static final int LONGEST_CODE = 64;

    private final SecondFactorProperties properties;
    private final Passkeys passkeys;

    public SecondFactorController(SecondFactorProperties properties, Passkeys passkeys) {
        this.properties = properties;
        this.passkeys = passkeys;
    }

    @GetMapping(SecondFactorConfig.PAGE)
    public String page(@RequestParam(defaultValue = "") String code, Principal signedIn, Model model) {
        model.addAttribute("code", code.length() > LONGEST_CODE ? "" : code);
        model.addAttribute("minutes", properties.codeValidity().toMinutes());
        model.addAttribute("passkey", signedIn != null && passkeys.any(signedIn.getName()));
        return "staff/second-factor";
    }

    /**
     * Reached by a forward from the refused sign-in: the code was wrong, used already or expired. The refusal has
     * emptied the request's sign-in, so no passkey is offered here; the page links back to the one that does.
     */
    @PostMapping(SecondFactorConfig.REFUSED)
    public String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("refused", true);
        return page("", null, model);
    }
}
