package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.Form;
import com.thrivecenter.clinic.inquiry.FormTokens.IssuedForm;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Accepted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/** The contact form: shows it, checks what was sent, stores it, and thanks the patient (Post/Redirect/Get). */
@Controller
public class InquiryController {

    private static final Logger log = LoggerFactory.getLogger(InquiryController.class);

    /** What the thank-you address signs, so nobody can make the site show a reference it never gave. */
    private static final String THANKS_PURPOSE = "thanks:";

    /** Where an error summary link takes the patient: the field, or the first choice of a group. */
    private static final Map<String, String> FIRST_INPUT = Map.of(
            "contactMethod", "contactMethod-PHONE",
            "reason", "reason-MIGRAINE",
            "preferredTimes", "preferredTimes-monday-morning",
            "referredByPhysician", "referredByPhysician-yes");

    /** One line of the error summary. */
    public record ErrorLink(String href, String message) {
    }

    private final InquiryService service;
    private final FormTokens formTokens;
    private final Signer signer;
    private final ReferenceGenerator references;
    private final ContentRepository content;
    private final InquiryProperties properties;
    private final Clock clock;

    public InquiryController(InquiryService service, FormTokens formTokens, Signer signer, ReferenceGenerator references,
            ContentRepository content, InquiryProperties properties, Clock clock) {
        this.service = service;
        this.formTokens = formTokens;
        this.signer = signer;
        this.references = references;
        this.content = content;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/contact")
    public ModelAndView form() {
        InquiryForm form = new InquiryForm();
        form.setFormToken(formTokens.issue());
        return formPage(form, Map.of(), Optional.empty(), HttpStatus.OK);
    }

    @PostMapping("/contact")
    public ModelAndView submit(@Valid @ModelAttribute("inquiryForm") InquiryForm form, BindingResult errors,
            HttpServletRequest request) {
        if (form.isHoneypotFilled()) {
            // Tell a robot it worked, and keep nothing.
            return thanks(references.next());
        }
        Optional<IssuedForm> issued = formTokens.read(form.getFormToken());
        if (issued.isEmpty()) {
            form.setFormToken(formTokens.issue());
            return refused(form, errors, Refusal.EXPIRED);
        }
        if (Duration.between(issued.get().shownAt(), clock.instant()).compareTo(properties.minFillTime()) < 0) {
            form.setFormToken(formTokens.issue());
            return refused(form, errors, Refusal.TOO_QUICK);
        }
        if (errors.hasErrors()) {
            return formPage(form, fieldErrors(errors), Optional.empty(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        String clientHash = signer.sign("client:" + request.getRemoteAddr());
        InquiryOutcome outcome;
        try {
            outcome = service.submit(NewInquiry.from(form, issued.get().submissionKey(), clock.instant(), clientHash));
        } catch (DataAccessException | TransactionException e) {
            // The exception's message may quote what was typed: only its kind is logged.
            log.warn("Could not store an inquiry ({}); the form was shown again", e.getClass().getSimpleName());
            return refused(form, errors, Refusal.UNAVAILABLE);
        }
        return outcome instanceof Accepted accepted ? thanks(accepted.reference()) : refused(form, errors, Refusal.RATE_LIMITED);
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
    public ModelAndView thanks(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String signature) {
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

    private ModelAndView formPage(InquiryForm form, Map<String, String> fieldErrors, Optional<Refusal> notice,
            HttpStatus status) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("inquiryForm", form);
        model.put("intro", content.formIntro(Form.CONTACT));
        model.put("fieldErrors", fieldErrors);
        model.put("errorLinks", fieldErrors.entrySet().stream()
                .map(error -> new ErrorLink("#" + FIRST_INPUT.getOrDefault(error.getKey(), error.getKey()), error.getValue()))
                .toList());
        model.put("notice", notice);
        model.put("rateLimitWindow", properties.rateLimitWindow());
        model.put("contactMethods", ContactMethod.values());
        model.put("reasons", Reason.values());
        model.put("weekdays", PreferredTime.WEEKDAYS);
        model.put("dayParts", PreferredTime.dayParts());
        return new ModelAndView("contact", model, status);
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

    private static String message(FieldError error) {
        return error.isBindingFailure() ? "Choose one of the options" : error.getDefaultMessage();
    }
}
