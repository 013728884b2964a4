package com.thrivecenter.clinic.staff.images;

import com.thrivecenter.clinic.LargerBody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The upload address takes a picture's worth of request body; every other form keeps the small limit. */
@Configuration
class ImagesConfig {

    static final String PATH = "/staff/images";

    /** Room for the form's other fields and the multipart headers around the picture. */
    private static final DataSize FORM_AROUND_THE_PICTURE = DataSize.ofKilobytes(64);

    @Bean
    LargerBody imageUploadBody(ImageProperties properties) {
        return new LargerBody(
                PATH, DataSize.ofBytes(properties.maxSize().toBytes() + FORM_AROUND_THE_PICTURE.toBytes()));
    }
}
