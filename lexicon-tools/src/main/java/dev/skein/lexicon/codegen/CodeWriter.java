package dev.skein.lexicon.codegen;

/** Java source text, a line at a time, indented by four spaces per level. */
final class CodeWriter {
    private static final String INDENT = "    ";

    private final StringBuilder out = new StringBuilder();
    private int level;

    /** Writes one line at the current indentation ({@code ""} for a blank line). */
    CodeWriter line(String text) {
        if (!text.isEmpty()) {
            out.append(INDENT.repeat(level)).append(text);
        }
        out.append('\n');
        return this;
    }

    /** Writes {@code text} and indents the lines after it. */
    CodeWriter open(String text) {
        line(text);
        level++;
        return this;
    }

    /** Ends the indented block with {@code text}, e.g. {@code "}"}. */
    CodeWriter close(String text) {
        level--;
        return line(text);
    }

    /** Writes a Javadoc comment (nothing when {@code text} is blank). */
    CodeWriter javadoc(String text) {
        for (String l : Javadoc.lines(text, 116 - INDENT.length() * level)) {
            line(l);
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
