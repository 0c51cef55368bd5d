package io.trailwatch.simulator.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats epoch seconds the way CloudTrail and its file names do, without going through java.time formatters. */
public final class TimeText {

    private static final DateTimeFormatter RESPONSE_DATE =
            DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private TimeText() {
    }

    /** {@code Nov 27, 2026, 10:04:31 AM}, the date style of IAM, STS and KMS response elements. */
    public static String responseDate(long epochSecond) {
        return RESPONSE_DATE.format(Instant.ofEpochSecond(epochSecond));
    }

    /** {@code 2026-11-27T10:04:31Z}. */
    public static String iso(long epochSecond) {
        char[] c = new char[20];
        long day = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        put4(c, 0, date.getYear());
        c[4] = '-';
        put2(c, 5, date.getMonthValue());
        c[7] = '-';
        put2(c, 8, date.getDayOfMonth());
        c[10] = 'T';
        put2(c, 11, secondOfDay / 3600);
        c[13] = ':';
        put2(c, 14, secondOfDay / 60 % 60);
        c[16] = ':';
        put2(c, 17, secondOfDay % 60);
        c[19] = 'Z';
        return new String(c);
    }

    /** {@code 20261127T1004Z}, the delivery stamp in log file names. */
    public static String fileStamp(long epochSecond) {
        char[] c = new char[14];
        long day = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        put4(c, 0, date.getYear());
        put2(c, 4, date.getMonthValue());
        put2(c, 6, date.getDayOfMonth());
        c[8] = 'T';
        put2(c, 9, secondOfDay / 3600);
        put2(c, 11, secondOfDay / 60 % 60);
        c[13] = 'Z';
        return new String(c);
    }

    /** {@code 2026/11/27}, the date folders of the S3 layout. */
    public static String datePath(long epochSecond) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400L));
        char[] c = new char[10];
        put4(c, 0, date.getYear());
        c[4] = '/';
        put2(c, 5, date.getMonthValue());
        c[7] = '/';
        put2(c, 8, date.getDayOfMonth());
        return new String(c);
    }

    private static void put2(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void put4(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 1000 % 10);
        c[at + 1] = (char) ('0' + v / 100 % 10);
        c[at + 2] = (char) ('0' + v / 10 % 10);
        c[at + 3] = (char) ('0' + v % 10);
    }
}
