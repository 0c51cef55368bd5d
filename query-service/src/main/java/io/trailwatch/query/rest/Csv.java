package io.trailwatch.query.rest;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV (RFC 4180: every cell quoted, quotes doubled, CRLF line ends) that is safe to open in a spreadsheet: a cell
 * whose text starts with a character a spreadsheet would read as a formula ({@code = + - @}, tab, carriage return),
 * also after leading spaces, is prefixed with an apostrophe so it stays text. CloudTrail fields are attacker-controlled.
 */
final class Csv {

    private static final String FORMULA_START = "=+-@\t\r";

    private Csv() {
    }

    static void row(Writer out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "\"\"";
        }
        String text = value.toString();
        String trimmed = text.stripLeading();
        boolean formula = !text.isEmpty() && (FORMULA_START.indexOf(text.charAt(0)) >= 0
                || (!trimmed.isEmpty() && FORMULA_START.indexOf(trimmed.charAt(0)) >= 0));
        if (formula) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
