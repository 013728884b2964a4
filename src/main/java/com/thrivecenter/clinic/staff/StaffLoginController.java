package com.thrivecenter.clinic.staff;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the sign-in itself. */
@Controller
public class StaffLoginController {

    @GetMapping("/staff/login")
    public String login() {
        return "staff/login";
    }
}
