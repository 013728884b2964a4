package com.thrivecenter.clinic.staff.images;

import java.io.IOException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The picture library: upload a picture, and see every picture with where it is used. A refused upload shows the
 * page again with the problem at the top and next to its field, and the name staff typed kept.
 */
@Controller
class ImageController {

    private final ImageUploads uploads;
    private final ImageLibrary library;
    private final ImageProperties properties;

    ImageController(ImageUploads uploads, ImageLibrary library, ImageProperties properties) {
        this.uploads = uploads;
        this.library = library;
        this.properties = properties;
    }

    @GetMapping(ImagesConfig.PATH)
    ModelAndView images() {
        return page(HttpStatus.OK);
    }

    @PostMapping(ImagesConfig.PATH)
    ModelAndView upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String name,
            Principal staff,
            RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        String typedName = name.isBlank() && file != null && file.getOriginalFilename() != null
                ? file.getOriginalFilename()
                : name;
        ImageUploads.Outcome outcome = uploads.upload(staff.getName(), typedName, bytes);
        if (outcome instanceof ImageUploads.Outcome.Refused refused) {
            ModelAndView page =
                    page(refused.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT);
            page.addObject("problem", refused.message());
            page.addObject("problemField", refused.field());
            page.addObject("typedName", name);
            return page;
        }
        ImageUploads.Outcome.Stored stored = (ImageUploads.Outcome.Stored) outcome;
        redirect.addFlashAttribute("done", "Uploaded as " + stored.fileName() + ".");
        redirect.addFlashAttribute(
                "uploadedMarkdown", ImageLibrary.markdown(new StoredImage(stored.fileName(), stored.bytes())));
        return new ModelAndView("redirect:" + ImagesConfig.PATH);
    }

    private ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("staff/images", status);
        page.addObject("library", library.view());
        page.addObject("maxSize", ImageLibrary.readableSize(properties.maxSize().toBytes()));
        return page;
    }
}
