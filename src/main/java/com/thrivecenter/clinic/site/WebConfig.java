package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.content.ContentProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfig implements WebMvcConfigurer {

    private final ContentProperties content;

    public WebConfig(ContentProperties content) {
        this.content = content;
    }

    /**
     * Static files live under a few fixed prefixes and are looked up before the controllers, because content
     * pages answer every other path.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/");
        registry.addResourceHandler("/images/**")
                .addResourceLocations(content.dir().toAbsolutePath().normalize().toUri() + "images/");
    }
}
