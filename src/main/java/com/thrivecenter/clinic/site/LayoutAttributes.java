package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.MenuItem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page, error pages included: the clinic's details and the menu. */
@ControllerAdvice
public class LayoutAttributes {

    private final SiteProperties clinic;
    private final ContentRepository content;

    public LayoutAttributes(SiteProperties clinic, ContentRepository content) {
        this.clinic = clinic;
        this.content = content;
    }

    @ModelAttribute("clinic")
    public SiteProperties clinic() {
        return clinic;
    }

    @ModelAttribute("menu")
    public List<MenuItem> menu() {
        return content.menu();
    }

    @ModelAttribute("currentPath")
    public String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
