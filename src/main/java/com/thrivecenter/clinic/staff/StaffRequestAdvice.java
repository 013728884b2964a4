package com.thrivecenter.clinic.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A staff request with a parameter that does not convert (a page that is not a number, an unknown status) gets
 * the site's 400 page. The framework would log the value itself, and a staff search may carry a patient's name,
 * so the log names only the parameter.
 */
@ControllerAdvice(basePackageClasses = StaffRequestAdvice.class)
public class StaffRequestAdvice {

    private static final Logger log = LoggerFactory.getLogger(StaffRequestAdvice.class);

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public void unreadableParameter(MethodArgumentTypeMismatchException e, HttpServletResponse response)
            throws IOException {
        log.warn(
                "Refused a staff request: the parameter '{}' could not be read as {}",
                e.getName(),
                e.getRequiredType() == null
                        ? "the expected type"
                        : e.getRequiredType().getSimpleName());
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
