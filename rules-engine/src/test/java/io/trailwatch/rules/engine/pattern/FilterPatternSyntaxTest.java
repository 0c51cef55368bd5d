package io.trailwatch.rules.engine.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Invalid patterns are rejected with the position and what was expected there. */
class FilterPatternSyntaxTest {

    private static FilterPatternSyntaxException reject(String pattern) {
        return catchThrowableOfType(FilterPatternSyntaxException.class, () -> FilterPattern.compile(pattern));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ¦ ", quoteCharacter = '`', value = {
            // pattern ¦ 1-based column ¦ expected (prefix) ¦ found (prefix)
            "$.eventName = x ¦ 1 ¦ '{' (only JSON filter patterns ¦ '$.eventName'",
            "ERROR -ARGUMENTS ¦ 1 ¦ '{' (only JSON filter patterns ¦ 'ERROR'",
            "[ip, user, status_code = 4*] ¦ 1 ¦ '{' (only JSON filter patterns ¦ '['",
            "{ } ¦ 3 ¦ a selector such as $.eventName ¦ '}'",
            "{ $.a = } ¦ 9 ¦ a value (a quoted string ¦ '}'",
            "{ $.a = b ¦ 10 ¦ '&&', '||' or '}' ¦ end of pattern",
            "{ $.a = b } x ¦ 13 ¦ end of pattern after '}' ¦ 'x'",
            "{ $.a = b }} ¦ 12 ¦ end of pattern after '}' ¦ '}'",
            "{ $eventName = x } ¦ 4 ¦ '.' after '$' ¦ 'e'",
            "{ $ = x } ¦ 4 ¦ '.' after '$' ¦ whitespace",
            "{ $[0] = x } ¦ 4 ¦ '.' after '$' ¦ '['",
            "{ $.a. = x } ¦ 7 ¦ a field name ¦ whitespace",
            "{ $.a.b@c = x } ¦ 8 ¦ a comparison operator ¦ '@c'",
            "{ $.a[x] = 1 } ¦ 7 ¦ an array index (digits) ¦ 'x'",
            "{ $.a[0 = 1 } ¦ 8 ¦ ']' after the array index ¦ whitespace",
            "{ $.a[12345678901] = 1 } ¦ 7 ¦ an array index below ¦ '12345678901'",
            "{ $.a == b } ¦ 8 ¦ a value (a quoted string ¦ '='",
            "{ $.a = = b } ¦ 9 ¦ a value (a quoted string ¦ '='",
            "{ $.a < abc } ¦ 9 ¦ a number after '<' ¦ 'abc'",
            "{ $.a >= \"5\" } ¦ 10 ¦ a number after '>=' ¦ '\"5\"'",
            "{ $.a <= 5* } ¦ 10 ¦ a number after '<=' ¦ '5*'",
            "{ $.a > %5% } ¦ 9 ¦ a number after '>' ¦ '%5%'",
            "{ $.a IS MISSING } ¦ 10 ¦ NULL, TRUE or FALSE after IS ¦ 'MISSING'",
            "{ $.a IS } ¦ 10 ¦ NULL, TRUE or FALSE after IS ¦ '}'",
            "{ $.a NOT NULL } ¦ 11 ¦ EXISTS after NOT ¦ 'NULL'",
            "{ $.a is null } ¦ 7 ¦ a comparison operator ¦ 'is'",
            "{ $.a EXISTS } ¦ 7 ¦ a comparison operator ¦ 'EXISTS'",
            "{ $.a } ¦ 7 ¦ a comparison operator ¦ '}'",
            "{ $.a b } ¦ 7 ¦ a comparison operator ¦ 'b'",
            "{ $.a = 'Root' } ¦ 9 ¦ a value (a quoted string ¦ '''",
            "{ $.a = \"Root } ¦ 9 ¦ a closing '\"' ¦ end of pattern",
            "{ $.a = b & $.c = d } ¦ 11 ¦ '&&' ¦ '& '",
            "{ $.a = b | $.c = d } ¦ 11 ¦ '||' ¦ '| '",
            "{ $.a = b ! $.c } ¦ 11 ¦ '!=' ¦ '! '",
            "{ $.a = b && } ¦ 14 ¦ a selector such as $.eventName ¦ '}'",
            "{ || $.a = b } ¦ 3 ¦ a selector such as $.eventName ¦ '||'",
            "{ ($.a = b } ¦ 12 ¦ '&&', '||' or ')' ¦ '}'",
            "{ $.a = b) } ¦ 10 ¦ '&&', '||' or '}' ¦ ')'",
            "{ ($.a = b) ($.c = d) } ¦ 13 ¦ '&&', '||' or '}' ¦ '('",
            "{ $.a = b $.c = d } ¦ 11 ¦ '&&', '||' or '}' ¦ '$.c'",
            "{ $.a = #b } ¦ 9 ¦ a value (a quoted string ¦ '#'",
            "{ $.a = %(x)% } ¦ 10 ¦ a regular-expression character (CloudWatch Logs does not support ( and ) ¦ '('",
            "{ $.a = %x y% } ¦ 11 ¦ a regular-expression character (letters ¦ whitespace",
            "{ $.a = %% } ¦ 10 ¦ a regular expression between ¦ '%'",
            "{ $.a = %abc ¦ 9 ¦ a closing '%' ¦ end of pattern",
            "{ $.a = %[a% } ¦ 11 ¦ a valid regular expression ¦ an error: Unclosed character class"})
    void rejectsWithPositionAndExpectation(String pattern, int column, String expected, String found) {
        FilterPatternSyntaxException e = reject(pattern);
        assertThat(e).as(pattern).isNotNull();
        assertThat(e.column()).as("column of %s", pattern).isEqualTo(column);
        assertThat(e.position()).isEqualTo(column - 1);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.expected()).startsWith(expected);
        assertThat(e.found()).startsWith(found);
        assertThat(e.pattern()).isEqualTo(pattern);
        assertThat(e.getMessage()).isEqualTo("invalid filter pattern at column " + column + ": expected "
                + e.expected() + ", found " + e.found());
    }

    @Test
    void cisV130IamPolicyTypoIsRejectedAsAwsWouldReject() {
        // CIS v1.3.0 printed ($eventName=DetachRolePolicy); the "$." is missing.
        String pattern = "{($.eventName=DeleteGroupPolicy)||($eventName=DetachRolePolicy)}";
        FilterPatternSyntaxException e = reject(pattern);
        assertThat(e.position()).isEqualTo(pattern.indexOf("$eventName") + 1);
        assertThat(e.getMessage()).contains("expected '.' after '$'");
    }

    @Test
    void multiLinePatternsReportLineAndColumn() {
        String pattern = "{\n  $.a = b &&\n  $.c ~ d\n}";
        FilterPatternSyntaxException e = reject(pattern);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.getMessage()).startsWith("invalid filter pattern at line 3, column 7: expected a comparison");
        assertThat(e.excerpt()).isEqualTo("  $.c ~ d\n      ^");
    }

    @Test
    void excerptPointsAtTheProblem() {
        FilterPatternSyntaxException e = reject("{ $.a = }");
        assertThat(e.excerpt()).isEqualTo("{ $.a = }\n        ^");
        assertThat(reject("x").excerpt()).isEqualTo("x\n^");
    }

    @Test
    void longTokensAreAbbreviatedInMessages() {
        String longWord = "a".repeat(60);
        FilterPatternSyntaxException e = reject("{ $.a " + longWord + " }");
        assertThat(e.found()).isEqualTo("'" + "a".repeat(40) + "...'");
    }

    @Test
    void nullPatternIsAProgrammingError() {
        assertThatThrownBy(() -> FilterPattern.compile(null)).isInstanceOf(NullPointerException.class);
    }
}
