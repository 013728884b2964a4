package com.thrivecenter.clinic.staff.images;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Pictures staff upload for the pages (env CLINIC_IMAGES_MAX_SIZE).
 *
 * @param maxSize the largest picture staff may upload; a larger one is refused with a message
 */
@ConfigurationProperties("clinic.images")
public record ImageProperties(@DefaultValue("5MB") DataSize maxSize) {}
