package com.thrivecenter.clinic.content;

import com.thrivecenter.clinic.content.FencedBlocks.FencedBlock;
import com.thrivecenter.clinic.content.MarkdownRenderer.Finding;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Gives the blocks staff write ({@code ::: name} … {@code :::}) their shape, on HTML already sanitised: links on
 * a line of their own in a hero or call to action become buttons, and each question in a questions block opens
 * and closes on its own (a {@code details} element: no script needed). Cards, steps and highlights need only
 * their class, which the stylesheet reads. Also keeps the page to one main heading: a {@code #} heading becomes a
 * section heading, except the first in a landing page's hero, which is that page's main heading.
 */
final class Blocks {

    /** The block names staff may use, in the order the guide lists them. */
    static final List<String> NAMES = List.of("hero", "cards", "steps", "highlight", "questions", "call-to-action");

    private Blocks() {}

    /** A block's own mistakes: a name the site does not know, no closing line, a block inside another. */
    static void check(FencedBlock block, int line, List<Finding> findings) {
        if (!NAMES.contains(block.name())) {
            findings.add(new Finding(
                    line,
                    true,
                    "'::: " + block.name() + "' is not a block the site knows; use one of "
                            + String.join(", ", NAMES)));
        }
        if (!block.closed()) {
            findings.add(new Finding(
                    line, true, "the block '::: " + block.name() + "' opened here needs a ':::' line where it ends"));
        }
        if (block.getAncestorOfType(FencedBlock.class) != null) {
            findings.add(new Finding(
                    line, true, "a block cannot be inside another block; close the first with ':::' before this one"));
        }
    }

    /** A landing page's main heading is the {@code #} heading of its hero, so it needs one. */
    static void checkLanding(Document document, int firstLine, List<Finding> findings) {
        boolean hasMainHeading = false;
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading
                    && heading.getLevel() == 1
                    && heading.getAncestorOfType(FencedBlock.class) instanceof FencedBlock block
                    && block.name().equals("hero")) {
                hasMainHeading = true;
            }
        }
        if (!hasMainHeading) {
            findings.add(new Finding(
                    firstLine,
                    true,
                    "a landing page needs its main heading in a hero block: a '::: hero' line, a line starting with"
                            + " '# ', then ':::'"));
        }
    }

    static void apply(Element body, PageLayout layout) {
        Element mainHeading = layout == PageLayout.LANDING ? body.selectFirst("div.block.hero h1") : null;
        for (Element heading : body.select("h1")) {
            if (heading != mainHeading) {
                heading.tagName("h2");
            }
        }
        for (Element block : body.select("div.block.hero, div.block.call-to-action")) {
            block.children().stream().filter(Blocks::onlyLinks).forEach(Blocks::makeButtons);
        }
        body.select("div.block.questions").forEach(Blocks::makeDisclosures);
    }

    private static boolean onlyLinks(Element paragraph) {
        if (!paragraph.tagName().equals("p") || paragraph.children().isEmpty()) {
            return false;
        }
        for (org.jsoup.nodes.Node node : paragraph.childNodes()) {
            boolean link = node instanceof Element element && element.tagName().equals("a");
            boolean space = node instanceof TextNode text && text.isBlank();
            if (!link && !space) {
                return false;
            }
        }
        return true;
    }

    private static void makeButtons(Element paragraph) {
        paragraph.addClass("actions");
        List<Element> links = paragraph.children();
        for (int i = 0; i < links.size(); i++) {
            links.get(i).addClass("button");
            if (i > 0) {
                links.get(i).addClass("secondary");
            }
        }
    }

    /** Each h2 with what follows it, up to the next h2, becomes a question that opens to its answer. */
    private static void makeDisclosures(Element block) {
        for (Element question : block.select("> h2")) {
            Element details = new Element("details");
            Element answer = new Element("div").addClass("answer");
            for (Element next = question.nextElementSibling();
                    next != null && !next.tagName().equals("h2");
                    next = question.nextElementSibling()) {
                answer.appendChild(next);
            }
            question.before(details);
            details.appendElement("summary").appendChild(question);
            details.appendChild(answer);
        }
    }
}
