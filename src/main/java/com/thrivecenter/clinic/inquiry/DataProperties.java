package com.thrivecenter.clinic.inquiry;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the site keeps its own files (env CLINIC_DATA_DIR).
 *
 * @param dir the data folder: the embedded database, and the inquiry secret when none is configured
 */
@ConfigurationProperties("clinic.data")
public record DataProperties(@DefaultValue("./data") Path dir) {}
