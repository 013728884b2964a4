package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error, whatever the request asked for, answers with the site's own page: a way home, the inquiry form
 * and the phone number; never a stack trace, an exception message or the framework's name.
 */
@Controller
public class SiteErrorController implements ErrorController {

    private final SecurityHeaders securityHeaders;

    public SiteErrorController(SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @RequestMapping("/error")
    public ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        // An error the container raised itself (a TRACE, a chunked body over the limit) never passed Spring
        // Security, so its headers are set here; for any other error they are already there and stay the same.
        securityHeaders.writeTo(request, response);
        // Someone who opens /error directly has found no page.
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code)
                : HttpStatus.NOT_FOUND;
        HttpStatus shown = status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
        return new ModelAndView("error", Map.of("errorPage", ErrorPage.of(shown.value())), shown);
    }
}
