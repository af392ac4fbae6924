package dev.skein.lexicon.codegen;

import java.util.ArrayList;
import java.util.List;

/** Schema descriptions as Javadoc: HTML and Javadoc syntax escaped, wrapped to the line width. */
final class Javadoc {
    private Javadoc() {}

    /** Escapes a schema description (plain text) for Javadoc. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;").replace("\\", "&#92;");
    }

    /**
     * The comment lines for {@code text}, which may hold paragraphs separated by {@code "\n\n"} and lines
     * starting with {@code "@"} (block tags); no lines when it is blank.
     */
    static List<String> lines(String text, int width) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        out.add("/**");
        String[] paragraphs = text.strip().split("\n");
        for (String p : paragraphs) {
            if (p.isBlank()) {
                out.add(" *");
                continue;
            }
            wrap(p.strip(), width - 3, out);
        }
        out.add(" */");
        return out;
    }

    private static void wrap(String paragraph, int width, List<String> out) {
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" +")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                out.add(" * " + line);
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            out.add(" * " + line);
        }
    }
}
