package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.content.ContentSnapshot;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * What the shared layout reads on every page, from one place: the clinic's details, the menu of the given
 * content, the static files' addresses, and the path that marks the current menu item. Controllers' views get
 * them through {@link LayoutAdvice}; pages rendered outside Spring MVC through {@link #render}.
 */
@Component
public class Layout {

    private final ClinicProperties clinic;
    private final Assets assets;
    private final ITemplateEngine templates;

    public Layout(ClinicProperties clinic, Assets assets, ITemplateEngine templates) {
        this.clinic = clinic;
        this.assets = assets;
        this.templates = templates;
    }

    public Map<String, Object> variables(ContentSnapshot content, String currentPath) {
        return Map.of("clinic", clinic, "menu", content.menu(), "assets", assets, "currentPath", currentPath);
    }

    /** A template rendered outside Spring MVC (pages kept as bytes, requests refused early), layout included. */
    public String render(String template, ContentSnapshot content, String currentPath, Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(variables(content, currentPath));
        all.putAll(own);
        return templates.process(template, new Context(Locale.ENGLISH, all));
    }
}
