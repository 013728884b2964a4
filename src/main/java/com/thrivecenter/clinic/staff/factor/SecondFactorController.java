package com.thrivecenter.clinic.staff.factor;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page between the password and the staff area: ask for a code by email, then enter it. */
@Controller
public class SecondFactorController {

    /** A code is a UUID (36 characters); anything much longer in the link is not one of ours. */
    private static final int LONGEST_CODE = 64;

    private final SecondFactorProperties properties;

    public SecondFactorController(SecondFactorProperties properties) {
        this.properties = properties;
    }

    @GetMapping(SecondFactorConfig.PAGE)
    public String page(@RequestParam(defaultValue = "") String code, Model model) {
        model.addAttribute("code", code.length() > LONGEST_CODE ? "" : code);
        model.addAttribute("minutes", properties.codeValidity().toMinutes());
        return "staff/second-factor";
    }

    /** Reached by a forward from the refused sign-in: the code was wrong, used already or expired. */
    @PostMapping(SecondFactorConfig.REFUSED)
    public String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("refused", true);
        return page("", model);
    }
}
