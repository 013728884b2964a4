package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.ClinicProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * What the shared layout reads on every page. The clinic's details and the menu are given to every view,
 * error views included (an exception handler's view gets no model attributes); the current path, which only
 * marks the menu, comes with each controller's model.
 */
@ControllerAdvice
public class LayoutAttributes {

    public LayoutAttributes(ClinicProperties clinic, Navigation navigation, Assets assets, StructuredData structuredData,
            ThymeleafViewResolver views) {
        Map.of("clinic", clinic, "navigation", navigation, "assets", assets, "structuredData", structuredData)
                .forEach(views::addStaticVariable);
    }

    @ModelAttribute("currentPath")
    public String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
