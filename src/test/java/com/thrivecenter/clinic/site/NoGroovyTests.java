package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.ClassUtils;

/**
 * The layout is Thymeleaf's own parameterised fragment (templates/layout.html). The Thymeleaf Layout Dialect it
 * replaced brought Groovy with it: some 300 more classes loaded at start-up, and 28 to 41 % of the time of a page
 * rendered per request (the form, staff and error pages), as profiled. Neither may come back unnoticed.
 */
class NoGroovyTests {

    @ParameterizedTest
    @ValueSource(strings = {"groovy.lang.GroovyObject", "nz.net.ultraq.thymeleaf.layoutdialect.LayoutDialect"})
    void isNotOnTheClasspath(String className) {
        assertThat(ClassUtils.isPresent(className, null)).as(className).isFalse();
    }
}
