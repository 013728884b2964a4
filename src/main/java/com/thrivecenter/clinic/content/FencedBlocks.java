package com.thrivecenter.clinic.content;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown of a block staff build pages from: a line {@code ::: cards} opens it, a line {@code :::} closes
 * it, and everything between is ordinary Markdown. Rendered as a {@code div} with the classes "block" and the
 * block's name, for {@link Blocks} to shape; whether the name is one the site knows is checked there too.
 */
final class FencedBlocks implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private static final Pattern OPENING = Pattern.compile("^:::[ \\t]*([A-Za-z][A-Za-z0-9-]{0,39})[ \\t]*$");
    private static final Pattern CLOSING = Pattern.compile("^:::[ \\t]*$");

    /** One block in the parsed Markdown: its name as written and whether a closing line ended it. */
    static final class FencedBlock extends Block {

        private final String name;
        private final int openingLine;
        private boolean closed;

        FencedBlock(String name, int openingLine) {
            this.name = name.toLowerCase(Locale.ROOT);
            this.openingLine = openingLine;
        }

        /** The line of {@code ::: name}, counted from 0 like flexmark's own line numbers. */
        int openingLine() {
            return openingLine;
        }

        String name() {
            return name;
        }

        boolean closed() {
            return closed;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * The {@code :::} line itself, which shows nothing. Flexmark closes a container with everything open inside it
     * only when a new block starts, so the closing line is one; a line that closes no block is reported.
     */
    static final class ClosingLine extends Block {

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }

        /** Whether this line closed the block just before it, rather than standing alone. */
        boolean closesABlock() {
            return getPrevious() instanceof FencedBlock block && block.closed;
        }
    }

    static FencedBlocks create() {
        return new FencedBlocks();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder parser) {
        parser.customBlockParserFactory(new Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder renderer, String rendererType) {
        renderer.nodeRendererFactory(options -> new Renderer());
    }

    private static final class BlockParserImpl extends AbstractBlockParser {

        private final FencedBlock block;

        BlockParserImpl(String name, int openingLine) {
            this.block = new FencedBlock(name, openingLine);
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public boolean isContainer() {
            return true;
        }

        @Override
        public boolean canContain(ParserState state, BlockParser blockParser, Block child) {
            return true;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (isClosingLine(state)) {
                // The closing line is not this block's: it starts a block of its own, which ends this one.
                block.closed = true;
                return BlockContinue.none();
            }
            return BlockContinue.atIndex(state.getIndex());
        }

        @Override
        public void closeBlock(ParserState state) {
            block.setCharsFromContent();
        }
    }

    private static boolean isClosingLine(ParserState state) {
        return state.getIndent() < 4
                && CLOSING.matcher(state.getLine()
                                .subSequence(state.getNextNonSpaceIndex())
                                .trimEOL())
                        .matches();
    }

    private static final class ClosingLineParser extends AbstractBlockParser {

        private final ClosingLine line = new ClosingLine();

        ClosingLineParser(BasedSequence chars) {
            line.setChars(chars);
        }

        @Override
        public Block getBlock() {
            return line;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return BlockContinue.none();
        }

        @Override
        public void closeBlock(ParserState state) {}
    }

    private static final class Factory implements CustomBlockParserFactory {

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (state.getIndent() >= 4) {
                        return BlockStart.none();
                    }
                    BasedSequence line = state.getLine();
                    if (isClosingLine(state)) {
                        return BlockStart.of(new ClosingLineParser(line)).atIndex(line.length());
                    }
                    Matcher opening = OPENING.matcher(
                            line.subSequence(state.getNextNonSpaceIndex()).trimEOL());
                    if (!opening.matches()) {
                        return BlockStart.none();
                    }
                    return BlockStart.of(new BlockParserImpl(opening.group(1), state.getLineNumber()))
                            .atIndex(line.length());
                }
            };
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    private static final class Renderer implements NodeRenderer {

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(FencedBlock.class, (block, context, html) -> {
                        html.attr("class", "block " + block.name()).withAttr().tagLine("div");
                        context.renderChildren(block);
                        html.tagLine("/div");
                    }),
                    new NodeRenderingHandler<>(ClosingLine.class, (line, context, html) -> {}));
        }
    }
}
