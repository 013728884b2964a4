package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.ContentSnapshot;
import com.thrivecenter.clinic.content.Form;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Accepted;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Expired;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Incomplete;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.RateLimited;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Robot;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.TooQuick;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Unavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The contact form: shows it, validates its fields, hands it to {@link InquiryService} and shows what became of it:
 * thanks (Post/Redirect/Get), or the form again with what was typed and why it was not taken.
 */
@Controller
public class InquiryController {

    /** What the thank-you address signs, so nobody can make the site show a reference it never gave. */
    private static final String THANKS_PURPOSE = "thanks:";

    /** Where an error summary link takes the patient: the field, or the first choice of a group. */
    private static final Map<String, String> FIRST_INPUT = Map.of(
            "contactMethod",
            "contactMethod-PHONE",
            "reason",
            "reason-MIGRAINE",
            PreferredTime.FIELD,
            PreferredTime.weekdays().get(0).times().get(0).id(),
            "referredByPhysician",
            "referredByPhysician-yes");

    /** One line of the error summary. */
    public record ErrorLink(String href, String message) {}

    private final InquiryService service;
    private final FormTokens formTokens;
    private final Signer signer;
    private final ContentRepository content;
    private final InquiryProperties properties;
    private final BlankFormPage blankForm;

    InquiryController(
            InquiryService service,
            FormTokens formTokens,
            Signer signer,
            ContentRepository content,
            InquiryProperties properties,
            BlankFormPage blankForm) {
        this.service = service;
        this.formTokens = formTokens;
        this.signer = signer;
        this.content = content;
        this.properties = properties;
        this.blankForm = blankForm;
    }

    /** The empty form, kept rendered per content snapshot; each opening gets its own fresh tokens. */
    @GetMapping("/contact")
    public View form() {
        ContentSnapshot snapshot = content.current();
        return blankForm.view(snapshot, formToken -> {
            InquiryForm form = new InquiryForm();
            form.setFormToken(formToken);
            return formModel(snapshot, form, Map.of(), Optional.empty());
        });
    }

    @PostMapping("/contact")
    public ModelAndView submit(
            @Valid @ModelAttribute("inquiryForm") InquiryForm form, BindingResult errors, HttpServletRequest request) {
        InquiryOutcome outcome = service.submit(new SentForm(form, !errors.hasErrors(), request.getRemoteAddr()));
        if (outcome instanceof Accepted accepted) {
            return thanks(accepted.reference());
        }
        if (outcome instanceof Robot robot) {
            return thanks(robot.decoyReference());
        }
        if (outcome instanceof Incomplete) {
            return formPage(form, fieldErrors(errors), Optional.empty(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (outcome instanceof Expired || outcome instanceof TooQuick) {
            // The form shown again must be one the patient can send.
            form.setFormToken(formTokens.issue());
        }
        return refused(form, errors, refusal(outcome));
    }

    private static Refusal refusal(InquiryOutcome outcome) {
        if (outcome instanceof Expired) {
            return Refusal.EXPIRED;
        }
        if (outcome instanceof TooQuick) {
            return Refusal.TOO_QUICK;
        }
        if (outcome instanceof RateLimited) {
            return Refusal.RATE_LIMITED;
        }
        if (outcome instanceof Unavailable) {
            return Refusal.UNAVAILABLE;
        }
        throw new IllegalArgumentException("Not a refusal: " + outcome);
    }

    /**
     * A contact form Spring Security refused (its CSRF cookie was missing or did not match) is forwarded here,
     * to be shown again with what was typed; the response already carries a fresh CSRF cookie.
     */
    @PostMapping("/contact/not-accepted")
    public ModelAndView notAccepted(@ModelAttribute("inquiryForm") InquiryForm form, BindingResult errors) {
        if (formTokens.read(form.getFormToken()).isEmpty()) {
            form.setFormToken(formTokens.issue());
        }
        return refused(form, errors, Refusal.NOT_ACCEPTED);
    }

    /** The reference travels signed in the address, so the page needs no session and any instance can show it. */
    @GetMapping("/contact/thanks")
    public ModelAndView thanks(
            @RequestParam(required = false) String reference, @RequestParam(required = false) String signature) {
        if (reference == null || signature == null || !signer.verify(THANKS_PURPOSE + reference, signature)) {
            return new ModelAndView(new RedirectView("/contact"));
        }
        return new ModelAndView("contact-thanks", Map.of("reference", reference));
    }

    /** The form again with what was typed, the refusal at the top, and any field errors found so far. */
    private ModelAndView refused(InquiryForm form, BindingResult errors, Refusal refusal) {
        return formPage(form, fieldErrors(errors), Optional.of(refusal), refusal.status());
    }

    private ModelAndView thanks(String reference) {
        RedirectView redirect = new RedirectView(UriComponentsBuilder.fromPath("/contact/thanks")
                .queryParam("reference", reference)
                .queryParam("signature", signer.sign(THANKS_PURPOSE + reference))
                .toUriString());
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }

    /** The form rendered for this request: every form shown again (and ContactFormPageIT's reference). */
    ModelAndView formPage(
            InquiryForm form, Map<String, String> fieldErrors, Optional<Refusal> notice, HttpStatus status) {
        return new ModelAndView("contact", formModel(content.current(), form, fieldErrors, notice), status);
    }

    private Map<String, Object> formModel(
            ContentSnapshot snapshot, InquiryForm form, Map<String, String> fieldErrors, Optional<Refusal> notice) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("inquiryForm", form);
        model.put("intro", snapshot.formIntro(Form.CONTACT));
        model.put("fieldErrors", fieldErrors);
        model.put(
                "errorLinks",
                fieldErrors.entrySet().stream()
                        .map(error -> new ErrorLink(
                                "#" + FIRST_INPUT.getOrDefault(error.getKey(), error.getKey()), error.getValue()))
                        .toList());
        model.put("notice", notice);
        // A refusal may tell the patient how long to wait.
        model.put("rateLimitWindow", properties.rateLimitWindow());
        model.put("contactMethods", ContactMethod.values());
        model.put("reasons", Reason.values());
        model.put("weekdays", PreferredTime.weekdays());
        return model;
    }

    /** The first error of each field, in the order the form shows the fields. */
    private static Map<String, String> fieldErrors(BindingResult errors) {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.getFieldErrors().stream()
                .sorted(Comparator.comparingInt(error -> fieldPosition(error.getField())))
                .forEach(error -> messages.putIfAbsent(fieldName(error), message(error)));
        return messages;
    }

    private static int fieldPosition(String field) {
        int position = InquiryForm.FIELD_ORDER.indexOf(fieldName(field));
        return position < 0 ? Integer.MAX_VALUE : position;
    }

    private static String fieldName(FieldError error) {
        return fieldName(error.getField());
    }

    /** "preferredTimes[2]" belongs to the field "preferredTimes". */
    private static String fieldName(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    /** A value that did not bind was not one the form offered: the message says what to choose instead. */
    private static String message(FieldError error) {
        if (!error.isBindingFailure()) {
            return error.getDefaultMessage();
        }
        return fieldName(error).equals(PreferredTime.FIELD)
                ? InquiryForm.PREFERRED_TIMES_MESSAGE
                : "Choose one of the options";
    }
}
