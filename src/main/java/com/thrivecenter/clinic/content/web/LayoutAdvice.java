package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.content.ContentRepository;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every view rendered by a controller (forms, staff pages, the error page) the layout's variables. */
@ControllerAdvice
public class LayoutAdvice {

    private final Layout layout;
    private final ContentRepository content;

    public LayoutAdvice(Layout layout, ContentRepository content) {
        this.layout = layout;
        this.content = content;
    }

    @ModelAttribute
    public void layoutVariables(HttpServletRequest request, Model model) {
        model.addAllAttributes(layout.variables(content.current(), request.getRequestURI()));
    }
}
