package io.trailwatch.rules.engine.pattern;

/**
 * A filter pattern that is not valid CloudWatch Logs JSON filter syntax. Carries where the problem is
 * and what was expected there, so a rule author or the "try a pattern" UI can point at it.
 */
public class FilterPatternSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final int position;
    private final String expected;
    private final String found;

    /**
     * @param position 0-based offset into the pattern where the problem starts
     * @param expected what the parser expected there, e.g. {@code "a comparison operator"}
     * @param found what it found instead, e.g. {@code "'}'"} or {@code "end of pattern"}
     */
    public FilterPatternSyntaxException(String pattern, int position, String expected, String found) {
        super(describe(pattern, position, expected, found));
        this.pattern = pattern;
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    public String pattern() {
        return pattern;
    }

    /** 0-based character offset into {@link #pattern()}. */
    public int position() {
        return position;
    }

    /** 1-based line of {@link #position()}. */
    public int line() {
        return lineOf(pattern, position);
    }

    /** 1-based column of {@link #position()} within its line. */
    public int column() {
        return columnOf(pattern, position);
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /** The offending line of the pattern with a caret under the position, for terminals. */
    public String excerpt() {
        int lineStart = position == 0 ? 0 : pattern.lastIndexOf('\n', position - 1) + 1;
        int lineEnd = pattern.indexOf('\n', lineStart);
        String text = pattern.substring(lineStart, lineEnd < 0 ? pattern.length() : lineEnd);
        return text + "\n" + " ".repeat(Math.max(0, position - lineStart)) + "^";
    }

    private static String describe(String pattern, int position, String expected, String found) {
        String where = pattern.indexOf('\n') >= 0
                ? "line " + lineOf(pattern, position) + ", column " + columnOf(pattern, position)
                : "column " + columnOf(pattern, position);
        return "invalid filter pattern at " + where + ": expected " + expected + ", found " + found;
    }

    private static int lineOf(String pattern, int position) {
        int line = 1;
        for (int i = 0; i < position && i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String pattern, int position) {
        int lineStart = position == 0 ? 0 : pattern.lastIndexOf('\n', position - 1) + 1;
        return position - lineStart + 1;
    }
}
