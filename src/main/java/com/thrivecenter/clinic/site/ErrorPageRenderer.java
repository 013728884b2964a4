package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.content.ContentSnapshot;
import com.thrivecenter.clinic.content.web.Layout;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Renders the site's error page outside Spring MVC, for requests the servlet container turned away. */
@Component
public class ErrorPageRenderer {

    private final Layout layout;

    public ErrorPageRenderer(Layout layout) {
        this.layout = layout;
    }

    public String render(ContentSnapshot content, int status) {
        // No menu item is the current page on an error page.
        return layout.render("error", content, "", Map.of("errorPage", ErrorPage.of(status)));
    }
}
