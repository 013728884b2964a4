package com.thrivecenter.clinic.site;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders the site's error page outside Spring MVC, for requests the servlet container turned away. */
@Component
public class ErrorPageRenderer {

    private final ITemplateEngine templates;
    private final LayoutAttributes layout;

    public ErrorPageRenderer(ITemplateEngine templates, LayoutAttributes layout) {
        this.templates = templates;
        this.layout = layout;
    }

    public String render(int status) {
        Map<String, Object> variables = new HashMap<>(layout.variables());
        variables.put("status", status);
        return templates.process("error", new Context(Locale.ENGLISH, variables));
    }
}
