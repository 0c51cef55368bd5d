package io.trailwatch.rules.engine.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.rules.engine.testing.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The examples of the CloudWatch Logs "Filter and Pattern Syntax" guide (awsdocs/amazon-cloudwatch-logs-user-guide
 * FilterAndPatternSyntax.md), verbatim, with the results the guide states.
 */
class AwsDocumentationExamplesTest {

    private static final JsonNode SIMPLE = Json.parse("""
            {
              "eventType": "UpdateTrail",
              "sourceIPAddress": "111.111.111.111",
              "arrayKey": [
                    "value",
                    "another value"
              ],
              "objectList": [
                   {
                     "name": "a",
                     "id": 1
                   },
                   {
                     "name": "b",
                     "id": 2
                   }
              ],
              "SomeObject": null,
              "ThisFlag": true
            }
            """);

    private static final JsonNode COMPOUND = Json.parse("""
            {
                "user": {
                    "id": 1,
                    "email": "John.Stiles@example.com"
                },
                "users": [
                    {
                     "id": 2,
                     "email": "John.Doe@example.com"
                    },
                    {
                     "id": 3,
                     "email": "Jane.Doe@example.com"
                    }
                ],
                "actions": [
                    "GET",
                    "PUT",
                    "DELETE"
                ],
                "coordinates": [
                    [0, 1, 2],
                    [4, 5, 6],
                    [7, 8, 9]
                ]
            }
            """);

    @ParameterizedTest
    @CsvSource(delimiterString = " ¦ ", value = {
            "{ $.eventType = \"UpdateTrail\" }",
            "{ $.sourceIPAddress != 123.123.* }",
            "{ $.arrayKey[0] = \"value\" }",
            "{ $.objectList[1].id = 2 }",
            "{ $.SomeObject IS NULL }",
            "{ $.SomeOtherObject NOT EXISTS }",
            "{ $.ThisFlag IS TRUE }"})
    void jsonMetricFilterExamplesMatch(String pattern) {
        assertThat(FilterPattern.compile(pattern).matches(SIMPLE)).isTrue();
    }

    @Test
    void jsonExamplesFailWhereTheGuideSaysSo() {
        // "If arrayKey is not an array this will be false"; "only true if the specified object is set to null".
        assertThat(matches("{ $.eventType[0] = \"UpdateTrail\" }", SIMPLE)).isFalse();
        assertThat(matches("{ $.objectList[0].id = 2 }", SIMPLE)).isFalse();
        assertThat(matches("{ $.SomeOtherObject IS NULL }", SIMPLE)).isFalse();
        assertThat(matches("{ $.SomeObject NOT EXISTS }", SIMPLE)).isFalse();
        assertThat(matches("{ $.ThisFlag IS FALSE }", SIMPLE)).isFalse();
        assertThat(matches("{ $.sourceIPAddress != 111.111.* }", SIMPLE)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ¦ ", value = {
            "{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") } ¦ true",
            "{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" } ¦ false",
            "{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch } ¦ true",
            "{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch } ¦ false"})
    void compoundConditionExamples(String pattern, boolean expected) {
        assertThat(matches(pattern, COMPOUND)).isEqualTo(expected);
    }

    @Test
    void selectorOnAnArrayNeverMatchesEitherOperator() {
        JsonNode event = Json.parse("{\"users\": [1, 2, 3]}");
        assertThat(matches("{$.users = 1}", event)).isFalse();
        assertThat(matches("{$.users != 1}", event)).isFalse();
    }

    @Test
    void orPatternMatchingExamples() {
        JsonNode bar = Json.parse("{\"foo\": \"bar\"}");
        JsonNode baz = Json.parse("{\"foo\": \"baz\"}");
        assertThat(matches("{$.foo = bar}", bar)).isTrue();
        assertThat(matches("{$.foo = bar}", baz)).isFalse();
        assertThat(matches("{$.foo = baz }", baz)).isTrue();
        assertThat(matches("{$.foo = baz }", bar)).isFalse();
        assertThat(matches("{$.foo = bar || $.foo = baz }", bar)).isTrue();
        assertThat(matches("{$.foo = bar || $.foo = baz }", baz)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ¦ ", value = {
            "{ $.latency >= 500 } ¦ {\"latency\": 500} ¦ true",
            "{ $.latency >= 500 } ¦ {\"latency\": 499} ¦ false",
            "{ $.numbers[0] < 10e3 } ¦ {\"numbers\": [9999]} ¦ true",
            "{ $.numbers[0] < 10e3 } ¦ {\"numbers\": [10000]} ¦ false",
            "{ $.numbers[0] < 10e-3 } ¦ {\"numbers\": [0.009]} ¦ true",
            "{ $.numbers[0] < 10e-3 } ¦ {\"numbers\": [0.01]} ¦ false",
            "{ $.processes[4].averageRuntime <= 55.5 } ¦ {\"processes\": [{},{},{},{},{\"averageRuntime\": 55.5}]} ¦ true",
            "{ $.processes[4].averageRuntime <= 55.5 } ¦ {\"processes\": [{},{},{},{},{\"averageRuntime\": 55.51}]} ¦ false",
            "{ $.errorCode = 400 } ¦ {\"errorCode\": 400} ¦ true",
            "{ $.errorCode = 400 } ¦ {\"errorCode\": 404} ¦ false",
            "{ $.errorCode != 500 } ¦ {\"errorCode\": 400} ¦ true",
            "{ $.errorCode != 500 } ¦ {\"errorCode\": 500} ¦ false",
            "{ $.latency > +1000 } ¦ {\"latency\": 1001} ¦ true",
            "{ $.latency > +1000 } ¦ {\"latency\": 1000} ¦ false"})
    void numericComparisonExamples(String pattern, String event, boolean expected) {
        assertThat(matches(pattern, Json.parse(event))).isEqualTo(expected);
    }

    @Test
    void latencyEqualsStarSelectsEventsThatHaveTheField() {
        // The guide's metric-value example: metricFilter { $.latency = * }.
        assertThat(matches("{ $.latency = * }", Json.parse("{\"latency\": 32}"))).isTrue();
        assertThat(matches("{ $.latency = * }", Json.parse("{\"status\": 200}"))).isFalse();
    }

    @Test
    void notEqualsOnAMissingFieldIsFalseAsReproducedInTheConsole() {
        // DataBiosphere/azul#5884: reproduced in the AWS console.
        String pattern = "{($.errorCode = \"AccessDenied\") && ($.userIdentity.invokedBy != \"cloudfront.amazonaws.com\")}";
        JsonNode noInvokedBy = Json.parse("""
                {"errorCode": "AccessDenied", "userIdentity": {"type": "IAMUser"}}""");
        JsonNode otherInvoker = Json.parse("""
                {"errorCode": "AccessDenied", "userIdentity": {"type": "AWSService", "invokedBy": "s3.amazonaws.com"}}""");
        assertThat(matches(pattern, noInvokedBy)).isFalse();
        assertThat(matches(pattern, otherInvoker)).isTrue();
    }

    private static boolean matches(String pattern, JsonNode event) {
        return FilterPattern.compile(pattern).matches(event);
    }
}
