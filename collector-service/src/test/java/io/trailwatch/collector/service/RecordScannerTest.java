package io.trailwatch.collector.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordScannerTest {

    private static final String RECORD = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\","
            + "\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"false\"},\"accountId\":\"999999999999\"},"
            + "\"accountId\":\"111122223333\"},\"eventTime\":\"2026-11-27T10:04:31Z\",\"eventID\":\"e-1\","
            + "\"requestParameters\":{\"eventID\":\"not this\",\"sizes\":[0,-1,2.5,-0.25e-3,1E+9,10],\"on\":true,"
            + "\"off\":false,\"none\":null,\"nested\":[[],{},[{}]]},\"userAgent\":\"caf\u00e9 \u2603 \uD83D\uDE00\","
            + "\"escapes\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\",\"recipientAccountId\":\"444455556666\"}";

    @Test
    void readsAWellFormedRecordAndPicksItsFields() {
        byte[] bytes = RECORD.getBytes(StandardCharsets.UTF_8);
        RecordScanner scanner = new RecordScanner();
        assertThat(scanner.scan(bytes, 0, bytes.length)).isEqualTo(bytes.length);
        ScannedRecord record = scanner.record();
        assertThat(record.malformed()).isNull();
        assertThat(record.object()).isTrue();
        assertThat(record.eventID()).isEqualTo("e-1");
        assertThat(record.eventTime()).isEqualTo("2026-11-27T10:04:31Z");
        assertThat(record.recipientAccountId()).isEqualTo("444455556666");
        assertThat(record.actingAccountId()).as("userIdentity's own, not its sessionContext's").isEqualTo("111122223333");
        assertThat(record.eventType()).isNull();
    }

    @Test
    void saysAValueIsIncompleteAtEveryPointBeforeItsEnd() {
        byte[] bytes = RECORD.getBytes(StandardCharsets.UTF_8);
        RecordScanner scanner = new RecordScanner();
        for (int end = 1; end < bytes.length; end++) {
            assertThat(scanner.scan(bytes, 0, end)).as("first %d bytes", end).isEqualTo(RecordScanner.INCOMPLETE);
        }
        byte[] number = "12.5e3".getBytes(StandardCharsets.UTF_8);
        assertThat(scanner.scan(number, 0, number.length)).as("a number may go on").isEqualTo(RecordScanner.INCOMPLETE);
    }

    @Test
    void decodesEscapedFieldsAndLetsTheLastOfARepeatedFieldWin() {
        ScannedRecord record = scan("{\"eventID\":\"first\",\"eventID\":\"a\\u0062\\\"c\",\"eventType\":7,"
                + "\"userIdentity\":{\"accountId\":\"1\"},\"userIdentity\":\"gone\",\"eventTime\":[\"x\"]}");
        assertThat(record.eventID()).isEqualTo("ab\"c");
        assertThat(record.eventType()).as("not a string").isNull();
        assertThat(record.actingAccountId()).as("a later userIdentity replaces the earlier one").isNull();
        assertThat(record.eventTime()).isNull();
        assertThat(scan("[{\"eventID\":\"a\"}]").object()).isFalse();
        assertThat(scan("[{\"eventID\":\"a\"}]").eventID()).as("only the top level counts").isNull();
    }

    @Test
    void namesWhatIsMalformedAndWhere() {
        assertMalformed("{\"a\":tru}", "found '}', expected 'e' in a true, false or null at byte 8");
        assertMalformed("{\"a\":01}", "found '1', expected ',' or '}' in an object at byte 6");
        assertMalformed("{\"a\":-}", "found '}', expected a digit after '-' at byte 6");
        assertMalformed("{\"a\":1.}", "found '}', expected a digit after '.' at byte 7");
        assertMalformed("{\"a\":1e}", "found '}', expected a digit in the exponent at byte 7");
        assertMalformed("{\"a\" 1}", "found '1', expected ':' after a member name at byte 5");
        assertMalformed("{a:1}", "found 'a', expected a member name in double quotes at byte 1");
        assertMalformed("{\"a\":1,}", "found '}', expected a member name in double quotes at byte 7");
        assertMalformed("[1,]", "found ']', expected a JSON value at byte 3");
        assertMalformed("[1 2]", "found '2', expected ',' or ']' in an array at byte 3");
        assertMalformed("{\"a\":\"x\\q\"}", "invalid escape '\\q' in a string at byte 7");
        assertMalformed("{\"a\":\"\\u12G4\"}", "a \\u escape needs four hexadecimal digits at byte 10");
        assertMalformed("{\"a\":\"tab\there\"}", "control character 0x09 inside a string at byte 9");
        assertMalformed("{\"a\":'x'}", "found ''', expected a JSON value at byte 5");
        assertMalformed("[".repeat(300) + "]".repeat(300), "nested deeper than 256 levels at byte 256");
        byte[] latin1 = "{\"a\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        RecordScanner scanner = new RecordScanner();
        assertThat(scanner.scan(latin1, 0, latin1.length)).isEqualTo(RecordScanner.MALFORMED);
        assertThat(scanner.problem()).isEqualTo("byte 0xe9 is not UTF-8 at byte 9 of the record");
    }

    @Test
    void findsWhatEndsOrBreaksAStringAtEveryPositionOfALongOne() {
        // Strings are passed eight bytes at a time: each special byte must be seen wherever it falls in a word.
        String text = "abcdefghijklmnopqrstuvwxyz0123456789 !#$%&()*+,-./:;<=>?@[]^_`{|}~";
        for (int at = 0; at <= text.length(); at++) {
            String before = text.substring(0, at);
            String after = text.substring(at);
            String inserted = "at " + at;
            assertThat(scan("{\"eventID\":\"" + before + "\\u0041\\n" + after + "\"}").eventID()).as(inserted)
                    .isEqualTo(before + "A\n" + after);
            assertThat(scan("{\"eventID\":\"" + before + "\u00e9\u2603\uD83D\uDE00" + after + "\"}").eventID())
                    .as(inserted).isEqualTo(before + "\u00e9\u2603\uD83D\uDE00" + after);
            assertThat(scan("{\"eventID\":\"" + before + "\",\"x\":\"" + after + "\"}").eventID()).as(inserted)
                    .isEqualTo(before);
            int controlAt = 12 + at;
            assertMalformed("{\"eventID\":\"" + before + "\u001f" + after + "\"}",
                    "control character 0x1f inside a string at byte " + controlAt);
            assertMalformed("{\"eventID\":\"" + before + "\u0000" + after + "\"}",
                    "control character 0x00 inside a string at byte " + controlAt);
            for (char notUtf8 : new char[] {'\u00ff', '\u0085'}) {
                byte[] latin1 = ("{\"eventID\":\"" + before + notUtf8 + after + "\"} ")
                        .getBytes(StandardCharsets.ISO_8859_1);
                RecordScanner scanner = new RecordScanner();
                assertThat(scanner.scan(latin1, 0, latin1.length)).as(inserted).isEqualTo(RecordScanner.MALFORMED);
                assertThat(scanner.problem()).isEqualTo(String.format("byte 0x%02x is not UTF-8 at byte %d of the "
                        + "record", (int) notUtf8, controlAt));
            }
        }
    }

    private static ScannedRecord scan(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        RecordScanner scanner = new RecordScanner();
        assertThat(scanner.scan(bytes, 0, bytes.length)).as(json).isEqualTo(bytes.length);
        return scanner.record();
    }

    private static void assertMalformed(String json, String problem) {
        byte[] bytes = (json + " ").getBytes(StandardCharsets.UTF_8);
        RecordScanner scanner = new RecordScanner();
        assertThat(scanner.scan(bytes, 0, bytes.length)).as(json).isEqualTo(RecordScanner.MALFORMED);
        assertThat(scanner.problem()).isEqualTo(problem + " of the record");
    }
}
