package io.trailwatch.rules.engine.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.rules.engine.testing.Json;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every semantic rule of the language, one group per rule. */
class FilterPatternSemanticsTest {

    private static boolean matches(String pattern, String event) {
        return FilterPattern.compile(pattern).matches(Json.parse(event));
    }

    @Nested
    class Precedence {

        private static final String A_ONLY = "{\"a\": \"1\", \"b\": \"0\", \"c\": \"0\"}";

        @Test
        void andBindsTighterThanOr() {
            // a || b && c == a || (b && c): true when only a holds.
            assertThat(matches("{ $.a = 1 || $.b = 1 && $.c = 1 }", A_ONLY)).isTrue();
            assertThat(matches("{ $.b = 1 && $.c = 1 || $.a = 1 }", A_ONLY)).isTrue();
        }

        @Test
        void parenthesesOverrideIt() {
            assertThat(matches("{ ($.a = 1 || $.b = 1) && $.c = 1 }", A_ONLY)).isFalse();
            assertThat(matches("{ (($.a = 1)) }", A_ONLY)).isTrue();
        }

        @Test
        void cisV2UnauthorizedPatternExcludesOnlyTheAccessDeniedBranch() {
            String pattern = "{ ($.errorCode =\"*UnauthorizedOperation\") || ($.errorCode =\"AccessDenied*\") "
                    + "&& ($.sourceIPAddress!=\"delivery.logs.amazonaws.com\") && ($.eventName!=\"HeadBucket\") }";
            assertThat(matches(pattern, """
                    {"errorCode": "Client.UnauthorizedOperation", "sourceIPAddress": "delivery.logs.amazonaws.com",
                     "eventName": "HeadBucket"}""")).isTrue();
            assertThat(matches(pattern, """
                    {"errorCode": "AccessDenied", "sourceIPAddress": "delivery.logs.amazonaws.com",
                     "eventName": "GetBucketAcl"}""")).isFalse();
            assertThat(matches(pattern, """
                    {"errorCode": "AccessDenied", "sourceIPAddress": "203.0.113.7", "eventName": "HeadBucket"}"""))
                    .isFalse();
            assertThat(matches(pattern, """
                    {"errorCode": "AccessDenied", "sourceIPAddress": "203.0.113.7", "eventName": "GetObject"}"""))
                    .isTrue();
        }

        @Test
        void alternativesOnTheSameFieldStillFollowTheMissingFieldRule() {
            String pattern = "{ $.errorCode = \"*UnauthorizedOperation\" || ($.errorCode = \"AccessDenied*\" "
                    + "&& $.eventName != HeadBucket) }";
            assertThat(matches(pattern, "{\"eventName\": \"GetObject\"}")).isFalse();
            assertThat(matches(pattern, "{\"errorCode\": {\"code\": \"AccessDenied\"}}")).isFalse();
            assertThat(matches(pattern, "{\"errorCode\": \"AccessDenied\", \"eventName\": \"GetObject\"}")).isTrue();
            assertThat(matches(pattern, "{\"errorCode\": \"Client.UnauthorizedOperation\"}")).isTrue();
            assertThat(matches("{ $.a NOT EXISTS || $.a = 1 }", "{}")).isTrue();
            assertThat(matches("{ $.a[0] = 1 || $.a[0] = 2 }", "{\"a\": [2]}")).isTrue();
            assertThat(matches("{ $.a[0] = 1 || $.a[1] = 2 }", "{\"a\": [0, 2]}")).isTrue();
        }

        @Test
        void orChainsEvaluateEveryAlternative() {
            String pattern = "{ $.x = 1 || $.x = 2 || $.x = 3 || $.x = 4 }";
            assertThat(matches(pattern, "{\"x\": 4}")).isTrue();
            assertThat(matches(pattern, "{\"x\": 5}")).isFalse();
        }
    }

    @Nested
    class CaseSensitivity {

        @Test
        void valuesAreCaseSensitive() {
            assertThat(matches("{ $.eventName = ConsoleLogin }", "{\"eventName\": \"ConsoleLogin\"}")).isTrue();
            assertThat(matches("{ $.eventName = consolelogin }", "{\"eventName\": \"ConsoleLogin\"}")).isFalse();
            assertThat(matches("{ $.eventName = \"CONSOLELOGIN\" }", "{\"eventName\": \"ConsoleLogin\"}")).isFalse();
            assertThat(matches("{ $.eventName = Console* }", "{\"eventName\": \"consoleLogin\"}")).isFalse();
        }

        @Test
        void selectorNamesAreCaseSensitive() {
            assertThat(matches("{ $.EventName = ConsoleLogin }", "{\"eventName\": \"ConsoleLogin\"}")).isFalse();
            assertThat(matches("{ $.EventName NOT EXISTS }", "{\"eventName\": \"ConsoleLogin\"}")).isTrue();
        }
    }

    @Nested
    class MissingFields {

        @ParameterizedTest
        @ValueSource(strings = {
                "{ $.errorCode = AccessDenied }",
                "{ $.errorCode != AccessDenied }",
                "{ $.errorCode = * }",
                "{ $.errorCode != *Denied }",
                "{ $.errorCode = %Denied% }",
                "{ $.errorCode != %Denied% }",
                "{ $.errorCode < 5 }",
                "{ $.errorCode >= 5 }",
                "{ $.errorCode IS NULL }",
                "{ $.errorCode IS TRUE }",
                "{ $.errorCode IS FALSE }",
                "{ $.userIdentity.sessionContext.attributes.mfaAuthenticated != \"true\" }",
                "{ $.resources[3].ARN != \"x\" }"})
        void everyComparisonOnAMissingFieldIsFalse(String pattern) {
            String event = "{\"eventName\": \"GetObject\", \"userIdentity\": {\"type\": \"IAMUser\"}, "
                    + "\"resources\": [{\"ARN\": \"a\"}]}";
            assertThat(matches(pattern, event)).isFalse();
        }

        @Test
        void onlyNotExistsTestsAbsence() {
            String event = "{\"userIdentity\": {\"type\": \"Root\"}, \"requestParameters\": null}";
            assertThat(matches("{ $.userIdentity.invokedBy NOT EXISTS }", event)).isTrue();
            assertThat(matches("{ $.additionalEventData.MFAUsed NOT EXISTS }", event)).isTrue();
            assertThat(matches("{ $.requestParameters.bucketName NOT EXISTS }", event)).isTrue();
            assertThat(matches("{ $.userIdentity.type NOT EXISTS }", event)).isFalse();
            assertThat(matches("{ $.requestParameters NOT EXISTS }", event)).isFalse();
            assertThat(matches("{ $.userIdentity NOT EXISTS }", event)).isFalse();
        }
    }

    @Nested
    class NonScalarSelectors {

        private static final String EVENT = """
                {"obj": {"a": "1"}, "arr": ["1"], "nul": null, "yes": true, "no": false, "empty": {}}""";

        @ParameterizedTest
        @ValueSource(strings = {"obj", "arr", "nul", "yes", "no", "empty"})
        void objectsArraysNullsAndBooleansNeverSatisfyAComparison(String field) {
            for (String condition : new String[] {"= 1", "!= 1", "= *", "!= \"x\"", "= true", "!= true",
                    "= null", "< 2", "> 0", "= %.%", "= \"{}\""}) {
                assertThat(matches("{ $." + field + " " + condition + " }", EVENT))
                        .as("$.%s %s", field, condition).isFalse();
            }
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest
        @CsvSource(delimiterString = " ¦ ", value = {
                "{ $.n = 500 } ¦ {\"n\": 500} ¦ true",
                "{ $.n = 500 } ¦ {\"n\": 500.0} ¦ true",
                "{ $.n = 5e2 } ¦ {\"n\": 500} ¦ true",
                "{ $.n = 5.0E+2 } ¦ {\"n\": 500} ¦ true",
                "{ $.n = +500 } ¦ {\"n\": 500} ¦ true",
                "{ $.n = -1.5 } ¦ {\"n\": -1.5} ¦ true",
                "{ $.n != -1.5 } ¦ {\"n\": -1.25} ¦ true",
                "{ $.n > -2 } ¦ {\"n\": -1.5} ¦ true",
                "{ $.n < -2 } ¦ {\"n\": -1.5} ¦ false",
                "{ $.n <= 0.1 } ¦ {\"n\": 0.1} ¦ true",
                "{ $.n >= 0.1 } ¦ {\"n\": 0.1} ¦ true",
                "{ $.n > 0.1 } ¦ {\"n\": 0.1} ¦ false",
                "{ $.n = 9007199254740993 } ¦ {\"n\": 9007199254740993} ¦ true",
                "{ $.n = 9007199254740993 } ¦ {\"n\": 9007199254740992} ¦ false",
                "{ $.n > 9223372036854775807 } ¦ {\"n\": 9223372036854775808} ¦ true",
                "{ $.n = 1e-3 } ¦ {\"n\": 0.001} ¦ true",
                "{ $.n < 10E3 } ¦ {\"n\": 9999.99} ¦ true"})
        void numericOperatorsCompareNumbers(String pattern, String event, boolean expected) {
            assertThat(matches(pattern, event)).isEqualTo(expected);
        }

        @Test
        void numericOperatorsNeverMatchAStringField() {
            assertThat(matches("{ $.eventVersion >= 1.08 }", "{\"eventVersion\": \"1.09\"}")).isFalse();
            assertThat(matches("{ $.eventVersion < 2 }", "{\"eventVersion\": \"1.09\"}")).isFalse();
        }

        @Test
        void aNumberLiteralEqualsAStringFieldWithTheSameText() {
            // CloudTrail carries account ids as strings; AWS's own example compares recipientAccountId unquoted.
            assertThat(matches("{ $.recipientAccountId = 123456789012 }",
                    "{\"recipientAccountId\": \"123456789012\"}")).isTrue();
            assertThat(matches("{ $.recipientAccountId = 012345678901 }",
                    "{\"recipientAccountId\": \"012345678901\"}")).isTrue();
            assertThat(matches("{ $.recipientAccountId != 123456789012 }",
                    "{\"recipientAccountId\": \"123456789012\"}")).isFalse();
            assertThat(matches("{ $.v = 1.0 }", "{\"v\": \"1\"}")).isFalse();
        }

        @Test
        void quotedValuesCompareWithANumbersText() {
            assertThat(matches("{ $.status = \"404\" }", "{\"status\": 404}")).isTrue();
            assertThat(matches("{ $.status != \"404\" }", "{\"status\": 404}")).isFalse();
        }

        @Test
        void wildcardsMatchANumbersText() {
            assertThat(matches("{ $.status = 4* }", "{\"status\": 404}")).isTrue();
            assertThat(matches("{ $.status = 4* }", "{\"status\": 504}")).isFalse();
            assertThat(matches("{ $.status = *04 }", "{\"status\": 504}")).isTrue();
        }

        @Test
        void nonFiniteNumbersBuiltInCodeNeverCompare() {
            ObjectNode event = JsonNodeFactory.instance.objectNode().put("n", Double.NaN);
            assertThat(FilterPattern.compile("{ $.n < 5 }").matches(event)).isFalse();
            assertThat(FilterPattern.compile("{ $.n = 5 }").matches(event)).isFalse();
            event.put("n", Double.POSITIVE_INFINITY);
            assertThat(FilterPattern.compile("{ $.n > 5 }").matches(event)).isFalse();
        }
    }

    @Nested
    class Wildcards {

        @ParameterizedTest
        @CsvSource(delimiterString = " ¦ ", value = {
                "*UnauthorizedOperation ¦ Client.UnauthorizedOperation ¦ true",
                "*UnauthorizedOperation ¦ UnauthorizedOperation ¦ true",
                "*UnauthorizedOperation ¦ UnauthorizedOperationX ¦ false",
                "AccessDenied* ¦ AccessDeniedException ¦ true",
                "AccessDenied* ¦ AccessDenied ¦ true",
                "AccessDenied* ¦ Client.AccessDenied ¦ false",
                "*Denied* ¦ Client.AccessDeniedException ¦ true",
                "*Denied* ¦ Allowed ¦ false",
                "* ¦ anything ¦ true",
                "* ¦ '' ¦ true",
                "** ¦ x ¦ true",
                "Ev*ent ¦ Event ¦ false",
                "Ev*ent ¦ Ev*ent ¦ true",
                "123.123.* ¦ 123.123.4.5 ¦ true",
                "123.123.* ¦ 123.124.4.5 ¦ false"})
        void starMatchesAnyTextOnlyAtTheStartOrEnd(String value, String actual, boolean expected) {
            ObjectNode event = JsonNodeFactory.instance.objectNode().put("v", actual);
            assertThat(FilterPattern.compile("{ $.v = " + value + " }").matches(event)).isEqualTo(expected);
            assertThat(FilterPattern.compile("{ $.v = \"" + value + "\" }").matches(event)).isEqualTo(expected);
            assertThat(FilterPattern.compile("{ $.v != " + value + " }").matches(event)).isEqualTo(!expected);
        }
    }

    @Nested
    class PostfixTests {

        private static final String EVENT = """
                {"flag": true, "off": false, "text": "true", "nothing": null, "obj": {}, "userIdentity":
                 {"sessionContext": {"attributes": {"mfaAuthenticated": "true"}}}}""";

        @ParameterizedTest
        @CsvSource(delimiterString = " ¦ ", value = {
                "$.flag IS TRUE ¦ true", "$.flag IS FALSE ¦ false", "$.off IS FALSE ¦ true", "$.off IS TRUE ¦ false",
                "$.text IS TRUE ¦ false", "$.nothing IS TRUE ¦ false", "$.missing IS TRUE ¦ false",
                "$.userIdentity.sessionContext.attributes.mfaAuthenticated IS TRUE ¦ false",
                "$.nothing IS NULL ¦ true", "$.flag IS NULL ¦ false", "$.obj IS NULL ¦ false", "$.missing IS NULL ¦ false",
                "$.missing NOT EXISTS ¦ true", "$.nothing NOT EXISTS ¦ false", "$.obj NOT EXISTS ¦ false",
                "$.flag NOT EXISTS ¦ false", "$.missing.deeper[0] NOT EXISTS ¦ true"})
        void postfixTests(String condition, boolean expected) {
            assertThat(matches("{ " + condition + " }", EVENT)).isEqualTo(expected);
        }

        @Test
        void mfaAuthenticatedIsAStringInCloudTrail() {
            assertThat(matches("{ $.userIdentity.sessionContext.attributes.mfaAuthenticated = \"true\" }", EVENT))
                    .isTrue();
        }
    }

    @Nested
    class ArrayIndexes {

        private static final String EVENT = """
                {"resources": [{"ARN": "arn:aws:kms:us-east-1:111122223333:key/1", "type": "AWS::KMS::Key"}],
                 "m": [[0, 1], [2, 3]], "s": "text", "o": {"0": "zero"}}""";

        @ParameterizedTest
        @CsvSource(delimiterString = " ¦ ", value = {
                "{ $.resources[0].type = \"AWS::KMS::Key\" } ¦ true",
                "{ $.resources[1].type = \"AWS::KMS::Key\" } ¦ false",
                "{ $.m[1][0] = 2 } ¦ true",
                "{ $.m[1][1] > 2 } ¦ true",
                "{ $.m[2][0] = 2 } ¦ false",
                "{ $.m[0] = 0 } ¦ false",
                "{ $.s[0] = t } ¦ false",
                "{ $.o[0] = zero } ¦ false",
                "{ $.resources[0].ARN = \"arn:aws:kms:*\" } ¦ true"})
        void indexesAreZeroBasedAndOnlyApplyToArrays(String pattern, boolean expected) {
            assertThat(matches(pattern, EVENT)).isEqualTo(expected);
        }
    }

    @Nested
    class Values {

        @ParameterizedTest
        @CsvSource(delimiterString = " ¦ ", value = {
                "$.eventSource = kms.amazonaws.com ¦ kms.amazonaws.com",
                "$.v = AccessDenied* ¦ AccessDeniedException",
                "$.v = arn:aws:iam::111122223333:root ¦ arn:aws:iam::111122223333:root",
                "$.v = alice@example.com ¦ alice@example.com",
                "$.v = a/b+c-d_e ¦ a/b+c-d_e",
                "$.v = IS ¦ IS",
                "$.v = \"Failed authentication\" ¦ Failed authentication",
                "$.v = \"say \\\"hi\\\"\" ¦ say \"hi\"",
                "$.v = \"C:\\\\temp\" ¦ C:\\temp",
                "$.v = \"a\\nb\" ¦ a\\nb",
                "$.v = \"Zürich ✓\" ¦ Zürich ✓",
                "$.v = \"\" ¦ ''"})
        void bareWordsAndQuotedStrings(String condition, String actual) {
            ObjectNode event = JsonNodeFactory.instance.objectNode().put("v", actual).put("eventSource", actual);
            assertThat(FilterPattern.compile("{ " + condition + " }").matches(event)).as(condition).isTrue();
        }

        @Test
        void regexValuesAreFoundAnywhereUnlessAnchored() {
            assertThat(matches("{ $.errorCode = %Access[A-Za-z]*% }", "{\"errorCode\": \"Client.AccessDenied\"}"))
                    .isTrue();
            assertThat(matches("{ $.errorCode = %^Access% }", "{\"errorCode\": \"Client.AccessDenied\"}")).isFalse();
            assertThat(matches("{ $.errorCode != %^Access% }", "{\"errorCode\": \"Client.AccessDenied\"}")).isTrue();
            assertThat(matches("{ $.status = %^4[0-9]{2}$% }", "{\"status\": 404}")).isTrue();
            assertThat(matches("{ $.ip = %^10\\.0\\.% }", "{\"ip\": \"10.0.3.4\"}")).isTrue();
            assertThat(matches("{ $.ip = %^10\\.0\\.% }", "{\"ip\": \"10.003.4\"}")).isFalse();
        }

        @Test
        void whitespaceBetweenTokensIsFree() {
            String event = "{\"a\": \"b\", \"c\": \"e\"}";
            assertThat(matches("{($.a=b)||($.c!=d)}", event)).isTrue();
            assertThat(matches("{$.a=b&&$.c!=d}", event)).isTrue();
            assertThat(matches("{\n  $.a = b\n  &&\t$.c != e\n}", event)).isFalse();
        }
    }

    @Nested
    class Events {

        @Test
        void blankPatternMatchesEveryEvent() {
            FilterPattern all = FilterPattern.compile("  ");
            assertThat(all.matchesEverything()).isTrue();
            assertThat(all.matches(Json.parse("{}"))).isTrue();
            assertThat(FilterPattern.compile("{ $.a = 1 }").matchesEverything()).isFalse();
        }

        @Test
        void nonObjectEventsNeverMatchAJsonPattern() {
            FilterPattern pattern = FilterPattern.compile("{ $.a NOT EXISTS || $.a = 1 }");
            assertThat(pattern.matches(Json.parse("{}"))).isTrue();
            assertThat(pattern.matches(Json.parse("[{\"a\": 1}]"))).isTrue();
            FilterPattern equals = FilterPattern.compile("{ $.a = 1 }");
            assertThat(equals.matches(Json.parse("[{\"a\": 1}]"))).isFalse();
            assertThat(equals.matches(Json.parse("\"a\""))).isFalse();
            assertThat(equals.matches(Json.parse("null"))).isFalse();
        }
    }

    @Nested
    class RequiredValues {

        private static Object required(String pattern, String field) {
            return FilterPattern.compile(pattern).requiredValues(field).orElse(null);
        }

        @Test
        void equalityPinsAField() {
            assertThat(required("{ $.eventName = ConsoleLogin }", "eventName")).isEqualTo(Set.of("ConsoleLogin"));
            assertThat(required("{ $.eventName = \"ConsoleLogin\" }", "eventName")).isEqualTo(Set.of("ConsoleLogin"));
            assertThat(required("{ $.eventName = ConsoleLogin }", "eventSource")).isNull();
        }

        @Test
        void andPinsWhenAnyOperandPinsOrPinsWhenAllDo() {
            assertThat(required("{ ($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||"
                    + "($.eventName=ScheduleKeyDeletion)) }", "eventName"))
                    .isEqualTo(Set.of("DisableKey", "ScheduleKeyDeletion"));
            assertThat(required("{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }",
                    "eventSource")).isEqualTo(Set.of("kms.amazonaws.com"));
            assertThat(required("{ $.eventName = A || $.eventName = B && $.x = 1 }", "eventName"))
                    .isEqualTo(Set.of("A", "B"));
            assertThat(required("{ $.eventName = A && $.eventName = B }", "eventName")).isEqualTo(Set.of());
        }

        @Test
        void wildcardsNegationsNumbersAndOtherFieldsDoNotPin() {
            assertThat(required("{ $.eventName = Delete* }", "eventName")).isNull();
            assertThat(required("{ $.eventName != ConsoleLogin }", "eventName")).isNull();
            assertThat(required("{ $.eventName = 42 }", "eventName")).isNull();
            assertThat(required("{ $.eventName = %Login% }", "eventName")).isNull();
            assertThat(required("{ $.eventName = A || $.errorCode = B }", "eventName")).isNull();
            assertThat(required("{ $.requestParameters.eventName = A }", "eventName")).isNull();
            assertThat(required("{ $.eventName NOT EXISTS }", "eventName")).isNull();
            assertThat(required("", "eventName")).isNull();
        }
    }

    @Test
    void compiledPatternsKeepTheirSource() {
        String source = "{ $.eventName = ConsoleLogin }";
        assertThat(FilterPattern.compile(source).source()).isEqualTo(source);
        assertThat(FilterPattern.compile(source)).hasToString(source);
    }

    @Test
    void aCompiledPatternIsReusableAcrossEvents() {
        FilterPattern pattern = FilterPattern.compile("{ $.eventName = ConsoleLogin }");
        JsonNode login = Json.parse("{\"eventName\": \"ConsoleLogin\"}");
        JsonNode other = Json.parse("{\"eventName\": \"GetObject\"}");
        for (int i = 0; i < 3; i++) {
            assertThat(pattern.matches(login)).isTrue();
            assertThat(pattern.matches(other)).isFalse();
        }
    }
}
