package io.trailwatch.alert.client;

/**
 * Escaping of finding values (attacker-controlled: user names, user agents, request parameters) for each format a
 * receiver interprets, and length limits of each receiver.
 */
public final class TextSafety {

    private TextSafety() {
    }

    /** At most {@code max} characters, with an ellipsis when cut; never splits a surrogate pair. */
    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** One line: control characters (CR, LF, tabs, ...) become spaces. For subjects, summaries, headers. */
    public static String singleLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString();
    }

    /**
     * Slack mrkdwn: {@code &}, {@code <}, {@code >} as entities (so no link, mention or @channel can be formed) and
     * the formatting characters neutralised with a zero-width joiner so {@code *x*} stays literal.
     */
    public static String slackMrkdwn(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '*', '_', '~', '`' -> out.append(c).append('\u200B');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Adaptive Card text shown in a TextRun (no Markdown there); {@code {{} is broken up so the client's DATE()/TIME()
     * functions cannot be triggered by a value.
     */
    public static String adaptiveCardText(String text) {
        return text == null ? "" : text.replace("{{", "{\u200B{");
    }

    /**
     * ServiceNow journal and text fields: {@code [code]} blocks render as HTML on instances that allow them, so the
     * tag is broken up.
     */
    public static String serviceNowText(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("(?i)\\[(/?)code]", "[\u200B$1code]");
    }

    /** The content of a JSON string literal (without the quotes). */
    public static String jsonStringContent(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
