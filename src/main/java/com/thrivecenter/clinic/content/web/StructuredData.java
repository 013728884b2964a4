package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.content.Breadcrumb;
import com.thrivecenter.clinic.content.FrontMatter.Clinician;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.PageLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON-LD for search engines (schema.org): the clinic on the home page and the "Visit us" page, MedicalWebPage on
 * every other page (about a Person on a clinician profile), FAQPage on pages with questions blocks, and
 * BreadcrumbList on nested pages.
 */
@Component
class StructuredData {

    private final ClinicProperties clinic;
    private final ObjectWriter json;

    StructuredData(ClinicProperties clinic, JsonMapper json) {
        this.clinic = clinic;
        // Keys in one order (the JVM orders a Map.of differently on each start), so a page is the same bytes, with
        // the same ETag, after a restart and on every instance.
        this.json = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** The JSON-LD blocks for a page whose body is given parsed, each ready to go inside a script element. */
    List<String> forPage(Page page, Document body, List<Breadcrumb> breadcrumbs) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        if (page.slug().isHome()) {
            blocks.add(medicalClinic());
        } else {
            blocks.add(medicalWebPage(page));
            if (page.meta().layout() == PageLayout.VISIT) {
                blocks.add(medicalClinic());
            }
        }
        List<Map<String, Object>> questions = questions(body);
        if (!questions.isEmpty()) {
            blocks.add(faqPage(questions));
        }
        if (!breadcrumbs.isEmpty()) {
            blocks.add(breadcrumbList(page, breadcrumbs));
        }
        // "<" never appears raw, so no text in the data can close the script element.
        return blocks.stream()
                .map(block -> json.writeValueAsString(block).replace("<", "\\u003c"))
                .toList();
    }

    private Map<String, Object> medicalClinic() {
        Map<String, Object> data = node("MedicalClinic");
        data.put("name", clinic.name());
        data.put("url", clinic.absoluteUrl("/"));
        data.put("telephone", clinic.phone());
        data.put("email", clinic.email());
        data.put("address", Map.of("@type", "PostalAddress", "streetAddress", clinic.address()));
        data.put("openingHours", clinic.openingHours());
        return data;
    }

    private Map<String, Object> medicalWebPage(Page page) {
        Map<String, Object> data = node("MedicalWebPage");
        data.put("name", page.title());
        data.put("description", page.meta().description());
        data.put("url", clinic.absoluteUrl(page.url()));
        data.put("dateModified", page.updated().toString());
        page.review().ifPresent(review -> {
            data.put("lastReviewed", review.date().toString());
            data.put("reviewedBy", Map.of("@type", "Person", "name", review.reviewer()));
        });
        page.meta().clinician().ifPresent(clinician -> data.put("about", person(page, clinician)));
        data.put("publisher", Map.of("@type", "MedicalClinic", "name", clinic.name(), "url", clinic.absoluteUrl("/")));
        return data;
    }

    /** The clinician a profile is about: the page's title is the name. */
    private Map<String, Object> person(Page page, Clinician clinician) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", page.title());
        person.put("url", clinic.absoluteUrl(page.url()));
        clinician.role().ifPresent(role -> person.put("jobTitle", role));
        clinician
                .credentials()
                .ifPresent(credentials -> person.put(
                        "hasCredential", Map.of("@type", "EducationalOccupationalCredential", "name", credentials)));
        clinician.photo().ifPresent(photo -> person.put("image", clinic.absoluteUrl(photo.path())));
        person.put("worksFor", Map.of("@type", "MedicalClinic", "name", clinic.name(), "url", clinic.absoluteUrl("/")));
        return person;
    }

    /** The questions of the page's questions blocks, each answered by what opens under it, and nothing else. */
    private static List<Map<String, Object>> questions(Document body) {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Element question : body.select(".block.questions > details")) {
            questions.add(Map.of(
                    "@type",
                    "Question",
                    "name",
                    question.select("> summary").text(),
                    "acceptedAnswer",
                    Map.of(
                            "@type",
                            "Answer",
                            "text",
                            question.select("> .answer").text())));
        }
        return questions;
    }

    private static Map<String, Object> faqPage(List<Map<String, Object>> questions) {
        Map<String, Object> data = node("FAQPage");
        data.put("mainEntity", questions);
        return data;
    }

    private Map<String, Object> breadcrumbList(Page page, List<Breadcrumb> breadcrumbs) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Breadcrumb crumb : breadcrumbs) {
            items.add(listItem(items.size() + 1, crumb.label(), crumb.url()));
        }
        items.add(listItem(items.size() + 1, page.title(), page.url()));
        Map<String, Object> data = node("BreadcrumbList");
        data.put("itemListElement", items);
        return data;
    }

    private Map<String, Object> listItem(int position, String name, String path) {
        return Map.of("@type", "ListItem", "position", position, "name", name, "item", clinic.absoluteUrl(path));
    }

    private static Map<String, Object> node(String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", type);
        return data;
    }
}
