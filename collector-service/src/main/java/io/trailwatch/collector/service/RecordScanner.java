package io.trailwatch.collector.service;

import java.nio.charset.StandardCharsets;

/**
 * Checks that bytes hold one well-formed JSON value (RFC 8259; inside strings, UTF-8 sequences are checked for
 * their shape, not for overlong forms) and picks out the five fields the collector needs, in a single pass over a
 * byte array. The splitter runs it on its read buffer, so each record is read once: this replaced a structural split followed by a Jackson parse of every record, which
 * together were more than half of the collector's CPU. Not thread-safe; one per file.
 */
final class RecordScanner {

    /** {@link #scan} result: the value runs past the end of the bytes given. */
    static final int INCOMPLETE = -1;
    /** {@link #scan} result: the bytes are not well-formed JSON; {@link #problem()} says why. */
    static final int MALFORMED = -2;

    /** Deeper than any CloudTrail record nests; bounds the recursion. */
    private static final int MAX_DEPTH = 256;
    private static final byte[] EVENT_ID = ascii("eventID");
    private static final byte[] EVENT_TIME = ascii("eventTime");
    private static final byte[] EVENT_TYPE = ascii("eventType");
    private static final byte[] RECIPIENT_ACCOUNT_ID = ascii("recipientAccountId");
    private static final byte[] USER_IDENTITY = ascii("userIdentity");
    private static final byte[] ACCOUNT_ID = ascii("accountId");

    /** Thrown (without a stack trace) when the value runs past the limit. */
    private static final class Incomplete extends RuntimeException {
        Incomplete() {
            super(null, null, false, false);
        }
    }

    /** Thrown when the value is not well-formed. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final Incomplete INCOMPLETE_VALUE = new Incomplete();
    /** The bytes a string cannot simply go on with: quote, backslash, control characters and non-ASCII. */
    private static final boolean[] STRING_STOP = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            STRING_STOP[b] = b == '"' || b == '\\' || b < 0x20 || b >= 0x80;
        }
    }

    private byte[] buf;
    private int pos;
    private int limit;
    private int from;
    private String problem;
    private ScannedRecord.Builder fields;

    /**
     * Scans the JSON value that starts at {@code start} (not whitespace) and ends before {@code end}.
     *
     * @return the index just after the value, {@link #INCOMPLETE} or {@link #MALFORMED}
     */
    int scan(byte[] bytes, int start, int end) {
        buf = bytes;
        pos = start;
        limit = end;
        from = start;
        problem = null;
        fields = new ScannedRecord.Builder();
        try {
            int c = peek();
            fields.object = c == '{';
            value(0, fields.object ? Member.RECORD : Member.OTHER);
            return pos;
        } catch (Incomplete e) {
            return INCOMPLETE;
        } catch (Malformed e) {
            problem = e.getMessage();
            return MALFORMED;
        }
    }

    /** What the last successful {@link #scan} found. */
    ScannedRecord record() {
        return fields.build();
    }

    /** Why the last {@link #scan} returned {@link #MALFORMED}. */
    String problem() {
        return problem;
    }

    /** Where a value sits: the record itself, its userIdentity, or anywhere else (nothing to pick out). */
    private enum Member { RECORD, USER_IDENTITY, OTHER }

    private void value(int depth, Member member) {
        int c = next();
        switch (c) {
            case '{' -> object(depth + 1, member);
            case '[' -> array(depth + 1);
            case '"' -> skipString();
            case 't' -> literal("rue");
            case 'f' -> literal("alse");
            case 'n' -> literal("ull");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number(c);
                } else {
                    throw unexpected(c, "a JSON value");
                }
            }
        }
    }

    private void object(int depth, Member member) {
        checkDepth(depth);
        int c = skipWhitespace();
        if (c == '}') {
            return;
        }
        while (true) {
            if (c != '"') {
                throw unexpected(c, "a member name in double quotes");
            }
            int nameStart = pos;
            skipString();
            int nameEnd = pos - 1;
            c = skipWhitespace();
            if (c != ':') {
                throw unexpected(c, "':' after a member name");
            }
            skipWhitespace();
            pos--;
            if (member == Member.OTHER) {
                value(depth, Member.OTHER);
            } else {
                member(depth, member, nameStart, nameEnd);
            }
            c = skipWhitespace();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw unexpected(c, "',' or '}' in an object");
            }
            c = skipWhitespace();
        }
    }

    /** A member of the record or of its userIdentity: keeps the fields the collector needs (later ones win). */
    private void member(int depth, Member member, int nameStart, int nameEnd) {
        if (member == Member.RECORD) {
            if (named(nameStart, nameEnd, EVENT_ID)) {
                fields.eventID = stringOrSkip(depth);
            } else if (named(nameStart, nameEnd, EVENT_TIME)) {
                fields.eventTime = stringOrSkip(depth);
            } else if (named(nameStart, nameEnd, EVENT_TYPE)) {
                fields.eventType = stringOrSkip(depth);
            } else if (named(nameStart, nameEnd, RECIPIENT_ACCOUNT_ID)) {
                fields.recipientAccountId = stringOrSkip(depth);
            } else if (named(nameStart, nameEnd, USER_IDENTITY)) {
                fields.actingAccountId = null;
                value(depth, peek() == '{' ? Member.USER_IDENTITY : Member.OTHER);
            } else {
                value(depth, Member.OTHER);
            }
        } else if (named(nameStart, nameEnd, ACCOUNT_ID)) {
            fields.actingAccountId = stringOrSkip(depth);
        } else {
            value(depth, Member.OTHER);
        }
    }

    /** The string value here, or null after skipping a value of another type. */
    private String stringOrSkip(int depth) {
        if (peek() != '"') {
            value(depth, Member.OTHER);
            return null;
        }
        pos++;
        int start = pos;
        boolean plain = skipString();
        return plain ? new String(buf, start, pos - 1 - start, StandardCharsets.UTF_8)
                : unescape(buf, start, pos - 1);
    }

    private void array(int depth) {
        checkDepth(depth);
        int c = skipWhitespace();
        if (c == ']') {
            return;
        }
        pos--;
        while (true) {
            value(depth, Member.OTHER);
            c = skipWhitespace();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw unexpected(c, "',' or ']' in an array");
            }
            skipWhitespace();
            pos--;
        }
    }

    /**
     * Steps over a string whose opening quote was read: escapes must be valid, control characters escaped and the
     * bytes UTF-8. Returns true when it held no escape. Most of a record's bytes are in strings, so the loop works
     * on locals and looks at four bytes per bounds check and branch while none of them needs a closer look.
     */
    private boolean skipString() {
        byte[] b = buf;
        boolean[] stop = STRING_STOP;
        int p = pos;
        int end = limit;
        boolean plain = true;
        while (true) {
            while (p + 4 <= end && !(stop[b[p] & 0xff] | stop[b[p + 1] & 0xff] | stop[b[p + 2] & 0xff]
                    | stop[b[p + 3] & 0xff])) {
                p += 4;
            }
            if (p >= end) {
                throw INCOMPLETE_VALUE;
            }
            byte c = b[p++];
            if (!stop[c & 0xff]) {
                continue;
            }
            if (c == '"') {
                pos = p;
                return plain;
            }
            if (c == '\\') {
                plain = false;
                p = escape(p);
            } else if (c < 0) {
                p = utf8(c, p);
            } else if (c < 0x20) {
                pos = p;
                throw malformed(p - 1, String.format("control character 0x%02x inside a string", c));
            }
        }
    }

    /** Checks the escape after a backslash at {@code p - 1}; returns the index after it. */
    private int escape(int p) {
        if (p >= limit) {
            throw INCOMPLETE_VALUE;
        }
        byte c = buf[p++];
        switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return p;
            }
            case 'u' -> {
                for (int i = 0; i < 4; i++, p++) {
                    if (p >= limit) {
                        throw INCOMPLETE_VALUE;
                    }
                    if (Character.digit(buf[p], 16) < 0) {
                        throw malformed(p, "a \\u escape needs four hexadecimal digits");
                    }
                }
                return p;
            }
            default -> throw malformed(p - 2, "invalid escape '\\" + (char) (c & 0xff) + "' in a string");
        }
    }

    /** Checks the UTF-8 sequence led by {@code lead} (already read); returns the index after it. */
    private int utf8(byte lead, int p) {
        int b = lead & 0xff;
        int more;
        if (b >= 0xc2 && b <= 0xdf) {
            more = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            more = 2;
        } else if (b >= 0xf0 && b <= 0xf4) {
            more = 3;
        } else {
            throw malformed(p - 1, String.format("byte 0x%02x is not UTF-8", b));
        }
        for (int i = 0; i < more; i++, p++) {
            if (p >= limit) {
                throw INCOMPLETE_VALUE;
            }
            if ((buf[p] & 0xc0) != 0x80) {
                throw malformed(p - i - 1, String.format("byte 0x%02x is not UTF-8", b));
            }
        }
        return p;
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? after its first byte {@code c}. */
    private void number(int c) {
        if (c == '-') {
            c = next();
            if (c < '0' || c > '9') {
                throw unexpected(c, "a digit after '-'");
            }
        }
        if (c != '0') {
            digits();
        }
        c = peekOrEnd();
        if (c == '.') {
            pos++;
            requireDigit("a digit after '.'");
            digits();
            c = peekOrEnd();
        }
        if (c == 'e' || c == 'E') {
            pos++;
            c = next();
            if (c != '+' && c != '-') {
                pos--;
            }
            requireDigit("a digit in the exponent");
            digits();
        }
        // A number may go on in the next bytes: it is complete only when something follows it.
        if (pos >= limit) {
            throw INCOMPLETE_VALUE;
        }
    }

    private void requireDigit(String expected) {
        int c = next();
        if (c < '0' || c > '9') {
            throw unexpected(c, expected);
        }
    }

    private void digits() {
        while (pos < limit && buf[pos] >= '0' && buf[pos] <= '9') {
            pos++;
        }
    }

    private void literal(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            int c = next();
            if (c != rest.charAt(i)) {
                throw unexpected(c, "'" + rest.charAt(i) + "' in a true, false or null");
            }
        }
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed(pos - 1, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private int skipWhitespace() {
        while (true) {
            int c = next();
            // One comparison for the usual case: the byte after a token in compact JSON is not whitespace.
            if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
                return c;
            }
        }
    }

    private int next() {
        if (pos >= limit) {
            throw INCOMPLETE_VALUE;
        }
        return buf[pos++] & 0xff;
    }

    private int peek() {
        if (pos >= limit) {
            throw INCOMPLETE_VALUE;
        }
        return buf[pos] & 0xff;
    }

    private int peekOrEnd() {
        return pos < limit ? buf[pos] & 0xff : -1;
    }

    private boolean named(int start, int end, byte[] name) {
        if (end - start != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (buf[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private Malformed unexpected(int c, String expected) {
        String found = c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
        return malformed(pos - 1, "found " + found + ", expected " + expected);
    }

    private Malformed malformed(int at, String message) {
        return new Malformed(message + " at byte " + (at - from) + " of the record");
    }

    /** The text of a string's bytes {@code [start, end)} that hold escapes (already checked). */
    private static String unescape(byte[] bytes, int start, int end) {
        StringBuilder text = new StringBuilder(end - start);
        int run = start;
        int p = start;
        while (p < end) {
            if (bytes[p] != '\\') {
                p++;
                continue;
            }
            text.append(new String(bytes, run, p - run, StandardCharsets.UTF_8));
            char c = (char) bytes[p + 1];
            p += 2;
            switch (c) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append((char) Integer.parseInt(new String(bytes, p, 4, StandardCharsets.US_ASCII), 16));
                    p += 4;
                }
                default -> text.append(c);
            }
            run = p;
        }
        return text.append(new String(bytes, run, end - run, StandardCharsets.UTF_8)).toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
