package com.thrivecenter.clinic.content;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/** Reads the prose out of a parsed Markdown body: the text of its paragraphs, headings and table cells. */
final class ProseReader {

    private ProseReader() {}

    /** {@code firstLine} is the file line the body starts on, so every piece of text carries its file line. */
    static List<ProseBlock> read(Document document, int firstLine) {
        List<ProseBlock> blocks = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            ProseBlock.Kind kind;
            if (node instanceof Paragraph) {
                kind = ProseBlock.Kind.PARAGRAPH;
            } else if (node instanceof Heading) {
                kind = ProseBlock.Kind.HEADING;
            } else if (node instanceof TableCell) {
                kind = ProseBlock.Kind.TABLE_CELL;
            } else {
                continue;
            }
            StringBuilder text = new StringBuilder();
            List<ProseBlock.Piece> pieces = new ArrayList<>();
            collect(node, firstLine, text, pieces);
            if (!text.toString().isBlank()) {
                blocks.add(new ProseBlock(kind, text.toString(), pieces));
            }
        }
        return blocks;
    }

    private static void collect(Node node, int firstLine, StringBuilder text, List<ProseBlock.Piece> pieces) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text) {
                int line = firstLine + child.getStartLineNumber();
                if (pieces.isEmpty() || pieces.get(pieces.size() - 1).line() != line) {
                    pieces.add(new ProseBlock.Piece(text.length(), line));
                }
                text.append(child.getChars().unescape());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                text.append(' ');
            } else if (!(child instanceof Code
                    || child instanceof Image
                    || child instanceof ImageRef
                    || child instanceof AutoLink
                    || child instanceof MailLink
                    || child instanceof HtmlInline
                    || child instanceof HtmlInlineComment)) {
                // Emphasis, links and the like: their words are prose, their markup and addresses are not.
                collect(child, firstLine, text, pieces);
            }
        }
    }
}
