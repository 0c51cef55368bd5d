package io.trailwatch.rules.engine.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent parser for CloudWatch Logs JSON filter patterns, with the lexer inlined. Grammar
 * (precedence {@code ()} over {@code &&} over {@code ||}):
 *
 * <pre>
 * pattern    := "" | "{" or "}"
 * or         := and ( "||" and )*
 * and        := unary ( "&amp;&amp;" unary )*
 * unary      := "(" or ")" | selector condition
 * condition  := ("=" | "!=") value | ("&lt;" | "&gt;" | "&lt;=" | "&gt;=") number
 *             | "IS" ("NULL" | "TRUE" | "FALSE") | "NOT" "EXISTS"
 * selector   := "$" "." name ( "." name | "[" digits "]" )*      name := [A-Za-z0-9_-]+
 * value      := quoted-string | word | number | "%" regex "%"
 * word       := [A-Za-z0-9_.*:/@+-]+                              (AWS accepts e.g. kms.amazonaws.com, AccessDenied*)
 * number     := [+-]? digits ( "." digits )? ( [eE] [+-]? digits )?
 * </pre>
 */
final class PatternParser {

    private static final String VALUE = "a value (a quoted string, a word, a number or a %regex%)";
    private static final String CONDITION = "a comparison operator (=, !=, <, >, <=, >=) or IS NULL, IS TRUE, "
            + "IS FALSE, NOT EXISTS";
    private static final String OPERAND = "a selector such as $.eventName, or '('";
    private static final String REGEX_CHARS = "letters, digits and _ # = @ / ; , - : ^ $ ? [ ] { } | \\ * + .";
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private enum Kind {
        LBRACE, RBRACE, LPAREN, RPAREN, AND, OR, EQ, NE, LT, GT, LE, GE, SELECTOR, STRING, WORD, REGEX, END
    }

    private record Token(Kind kind, int start, String text, Object value) {
    }

    private final String src;
    private int pos;
    private Token peeked;

    private PatternParser(String src) {
        this.src = src;
    }

    static Condition parse(String pattern) {
        if (pattern.isBlank()) {
            return MatchAll.INSTANCE;
        }
        return new PatternParser(pattern).parsePattern();
    }

    private Condition parsePattern() {
        Token open = next("'{' (only JSON filter patterns are supported)");
        if (open.kind != Kind.LBRACE) {
            throw error(open, "'{' (only JSON filter patterns are supported)");
        }
        Condition condition = parseOr();
        Token close = next("'&&', '||' or '}'");
        if (close.kind != Kind.RBRACE) {
            throw error(close, "'&&', '||' or '}'");
        }
        Token end = next("end of pattern after '}'");
        if (end.kind != Kind.END) {
            throw error(end, "end of pattern after '}'");
        }
        return condition;
    }

    private Condition parseOr() {
        List<Condition> operands = new ArrayList<>();
        addAlternative(operands, parseAnd());
        while (peek("'||', '&&' or the end of the expression").kind == Kind.OR) {
            next(null);
            addAlternative(operands, parseAnd());
        }
        return operands.size() == 1 ? operands.get(0) : new AnyOf(operands);
    }

    private Condition parseAnd() {
        List<Condition> operands = new ArrayList<>();
        addConjunct(operands, parseUnary());
        while (peek("'&&', '||' or the end of the expression").kind == Kind.AND) {
            next(null);
            addConjunct(operands, parseUnary());
        }
        return operands.size() == 1 ? operands.get(0) : new AllOf(operands);
    }

    /** (a || b) || c is a || b || c; flattening keeps the evaluation loop shallow. */
    private static void addAlternative(List<Condition> operands, Condition operand) {
        if (operand instanceof AnyOf any) {
            operands.addAll(any.operands());
        } else {
            operands.add(operand);
        }
    }

    private static void addConjunct(List<Condition> operands, Condition operand) {
        if (operand instanceof AllOf all) {
            operands.addAll(all.operands());
        } else {
            operands.add(operand);
        }
    }

    private Condition parseUnary() {
        Token token = next(OPERAND);
        if (token.kind == Kind.LPAREN) {
            Condition inner = parseOr();
            Token close = next("'&&', '||' or ')'");
            if (close.kind != Kind.RPAREN) {
                throw error(close, "'&&', '||' or ')'");
            }
            return inner;
        }
        if (token.kind == Kind.SELECTOR) {
            return parseCondition((Selector) token.value);
        }
        throw error(token, OPERAND);
    }

    private Condition parseCondition(Selector selector) {
        Token op = next(CONDITION);
        switch (op.kind) {
            case EQ, NE -> {
                Token value = next(VALUE);
                return new Comparison(selector, equality(value), op.kind == Kind.NE);
            }
            case LT, GT, LE, GE -> {
                Token value = next("a number after '" + op.text + "'");
                if (value.kind != Kind.WORD || !NUMBER.matcher(value.text).matches()) {
                    throw error(value, "a number after '" + op.text + "'");
                }
                return new NumericComparison(selector, numericOperator(op.kind),
                        Equality.NumberLiteral.parse(value.text));
            }
            case WORD -> {
                if (op.text.equals("IS")) {
                    Token what = next("NULL, TRUE or FALSE after IS");
                    FieldTest.Kind kind = what.kind != Kind.WORD ? null : switch (what.text) {
                        case "NULL" -> FieldTest.Kind.IS_NULL;
                        case "TRUE" -> FieldTest.Kind.IS_TRUE;
                        case "FALSE" -> FieldTest.Kind.IS_FALSE;
                        default -> null;
                    };
                    if (kind == null) {
                        throw error(what, "NULL, TRUE or FALSE after IS");
                    }
                    return new FieldTest(selector, kind);
                }
                if (op.text.equals("NOT")) {
                    Token what = next("EXISTS after NOT");
                    if (what.kind != Kind.WORD || !what.text.equals("EXISTS")) {
                        throw error(what, "EXISTS after NOT");
                    }
                    return new FieldTest(selector, FieldTest.Kind.NOT_EXISTS);
                }
                throw error(op, CONDITION);
            }
            default -> throw error(op, CONDITION);
        }
    }

    private static NumericComparison.Operator numericOperator(Kind kind) {
        return switch (kind) {
            case LT -> NumericComparison.Operator.LT;
            case GT -> NumericComparison.Operator.GT;
            case LE -> NumericComparison.Operator.LE;
            default -> NumericComparison.Operator.GE;
        };
    }

    private Equality equality(Token value) {
        return switch (value.kind) {
            case STRING -> textEquality((String) value.value);
            case WORD -> NUMBER.matcher(value.text).matches()
                    ? new Equality.Exact(value.text, Equality.NumberLiteral.parse(value.text))
                    : textEquality(value.text);
            case REGEX -> new Equality.Regex((Pattern) value.value);
            default -> throw error(value, VALUE);
        };
    }

    /** Leading and trailing '*' are wildcards; a '*' anywhere else is a literal asterisk. */
    private static Equality textEquality(String text) {
        boolean anyPrefix = text.startsWith("*");
        boolean anySuffix = text.length() > 1 && text.endsWith("*");
        if (!anyPrefix && !anySuffix) {
            return new Equality.Exact(text, null);
        }
        if (text.equals("*")) {
            return new Equality.Wildcard("", true, true);
        }
        String part = text.substring(anyPrefix ? 1 : 0, text.length() - (anySuffix ? 1 : 0));
        return new Equality.Wildcard(part, anyPrefix, anySuffix);
    }

    // ---- lexer ----

    private Token peek(String expected) {
        if (peeked == null) {
            peeked = lex(expected);
        }
        return peeked;
    }

    private Token next(String expected) {
        Token token = peek(expected);
        peeked = null;
        return token;
    }

    private Token lex(String expected) {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= src.length()) {
            return new Token(Kind.END, start, "", null);
        }
        char c = src.charAt(pos);
        switch (c) {
            case '{':
                return single(Kind.LBRACE);
            case '}':
                return single(Kind.RBRACE);
            case '(':
                return single(Kind.LPAREN);
            case ')':
                return single(Kind.RPAREN);
            case '=':
                return single(Kind.EQ);
            case '&':
                return pair('&', Kind.AND, "'&&'");
            case '|':
                return pair('|', Kind.OR, "'||'");
            case '!':
                return pair('=', Kind.NE, "'!='");
            case '<':
                return charAt(pos + 1) == '=' ? token(Kind.LE, 2) : single(Kind.LT);
            case '>':
                return charAt(pos + 1) == '=' ? token(Kind.GE, 2) : single(Kind.GT);
            case '$':
                return selector();
            case '"':
                return quoted();
            case '%':
                return regex();
            default:
                if (isWordChar(c)) {
                    int end = pos;
                    while (end < src.length() && isWordChar(src.charAt(end))) {
                        end++;
                    }
                    return token(Kind.WORD, end - pos);
                }
                throw new FilterPatternSyntaxException(src, pos, expected, describeChar(pos));
        }
    }

    private Token single(Kind kind) {
        return token(kind, 1);
    }

    private Token token(Kind kind, int length) {
        Token token = new Token(kind, pos, src.substring(pos, pos + length), null);
        pos += length;
        return token;
    }

    private Token pair(char second, Kind kind, String expected) {
        if (charAt(pos + 1) != second) {
            throw new FilterPatternSyntaxException(src, pos, expected,
                    "'" + src.substring(pos, Math.min(src.length(), pos + 2)) + "'");
        }
        return token(kind, 2);
    }

    private Token selector() {
        int start = pos;
        List<Object> steps = new ArrayList<>();
        int i = pos + 1;
        if (charAt(i) != '.') {
            throw new FilterPatternSyntaxException(src, i, "'.' after '$' (selectors start with $.)", describeChar(i));
        }
        while (charAt(i) == '.' || charAt(i) == '[') {
            if (charAt(i) == '.') {
                int nameStart = ++i;
                while (i < src.length() && isNameChar(src.charAt(i))) {
                    i++;
                }
                if (i == nameStart) {
                    throw new FilterPatternSyntaxException(src, i,
                            "a field name (letters, digits, '-' and '_') after '.'", describeChar(i));
                }
                steps.add(src.substring(nameStart, i));
            } else {
                int digitsStart = ++i;
                while (i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '9') {
                    i++;
                }
                if (i == digitsStart) {
                    throw new FilterPatternSyntaxException(src, i, "an array index (digits) after '['",
                            describeChar(i));
                }
                if (charAt(i) != ']') {
                    throw new FilterPatternSyntaxException(src, i, "']' after the array index", describeChar(i));
                }
                String digits = src.substring(digitsStart, i);
                if (digits.length() > 9) {
                    throw new FilterPatternSyntaxException(src, digitsStart, "an array index below 1000000000",
                            "'" + digits + "'");
                }
                steps.add(Integer.valueOf(digits));
                i++;
            }
        }
        String text = src.substring(start, i);
        pos = i;
        return new Token(Kind.SELECTOR, start, text, new Selector(steps, text));
    }

    private Token quoted() {
        int start = pos;
        StringBuilder value = new StringBuilder();
        int i = pos + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return new Token(Kind.STRING, start, src.substring(start, pos), value.toString());
            }
            if (c == '\\' && (charAt(i + 1) == '"' || charAt(i + 1) == '\\')) {
                value.append(src.charAt(i + 1));
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new FilterPatternSyntaxException(src, start, "a closing '\"' for the string starting here",
                "end of pattern");
    }

    private Token regex() {
        int start = pos;
        int i = pos + 1;
        while (i < src.length() && src.charAt(i) != '%') {
            char c = src.charAt(i);
            if (c == '(' || c == ')') {
                throw new FilterPatternSyntaxException(src, i,
                        "a regular-expression character (CloudWatch Logs does not support ( and ) in regular "
                                + "expressions)", describeChar(i));
            }
            if (!isRegexChar(c)) {
                throw new FilterPatternSyntaxException(src, i, "a regular-expression character (" + REGEX_CHARS
                        + ")", describeChar(i));
            }
            i++;
        }
        if (i >= src.length()) {
            throw new FilterPatternSyntaxException(src, start, "a closing '%' for the regular expression starting "
                    + "here", "end of pattern");
        }
        String body = src.substring(start + 1, i);
        if (body.isEmpty()) {
            throw new FilterPatternSyntaxException(src, start + 1, "a regular expression between '%' and '%'",
                    "'%'");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(body);
        } catch (PatternSyntaxException e) {
            throw new FilterPatternSyntaxException(src, start + 1 + Math.max(0, e.getIndex()),
                    "a valid regular expression", "an error: " + e.getDescription());
        }
        pos = i + 1;
        return new Token(Kind.REGEX, start, src.substring(start, pos), compiled);
    }

    private char charAt(int i) {
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private String describeChar(int i) {
        if (i >= src.length()) {
            return "end of pattern";
        }
        char c = src.charAt(i);
        return Character.isWhitespace(c) ? "whitespace" : "'" + c + "'";
    }

    private FilterPatternSyntaxException error(Token token, String expected) {
        String found;
        if (token.kind == Kind.END) {
            found = "end of pattern";
        } else {
            String text = token.text.length() > 40 ? token.text.substring(0, 40) + "..." : token.text;
            found = "'" + text + "'";
        }
        return new FilterPatternSyntaxException(src, token.start, expected, found);
    }

    private static boolean isWordChar(char c) {
        return isAsciiAlnum(c) || c == '_' || c == '.' || c == '*' || c == ':' || c == '/' || c == '@' || c == '+'
                || c == '-';
    }

    private static boolean isNameChar(char c) {
        return isAsciiAlnum(c) || c == '_' || c == '-';
    }

    private static boolean isRegexChar(char c) {
        return isAsciiAlnum(c) || "_#=@/;,-:^$?[]{}|\\*+.".indexOf(c) >= 0;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
