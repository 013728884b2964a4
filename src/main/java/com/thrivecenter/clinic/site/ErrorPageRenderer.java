package com.thrivecenter.clinic.site;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** Renders the site's error page outside Spring MVC, for requests the servlet container turned away. */
@Component
public class ErrorPageRenderer {

    private final ITemplateEngine templates;
    private final ThymeleafViewResolver views;

    public ErrorPageRenderer(ITemplateEngine templates, ThymeleafViewResolver views) {
        this.templates = templates;
        this.views = views;
    }

    public String render(int status) {
        // The variables every view gets (clinic details, menu, assets), as in RenderedPages.
        Map<String, Object> variables = new HashMap<>(views.getStaticVariables());
        variables.put("errorPage", ErrorPage.of(status));
        return templates.process("error", new Context(Locale.ENGLISH, variables));
    }
}
