package com.thrivecenter.clinic.content;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the staff-edited Markdown lives (env CLINIC_CONTENT_DIR), relative to the working directory. */
@ConfigurationProperties("clinic.content")
public record ContentProperties(@DefaultValue("content") Path dir) {
}
