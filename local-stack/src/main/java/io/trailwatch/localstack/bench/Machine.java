package io.trailwatch.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line about the machine a measurement ran on, and its load. */
public final class Machine {

    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+)\\s+kB$");

    private Machine() {
    }

    public static String describe() {
        long memKib = 0;
        try {
            Matcher m = MEM_TOTAL.matcher(Files.readString(Path.of("/proc/meminfo")));
            if (m.find()) {
                memKib = Long.parseLong(m.group(1));
            }
        } catch (IOException e) {
            memKib = 0;
        }
        return String.format("%s %s %s, %d cores, %s memory, Java %s (%s)", System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                memKib == 0 ? "unknown" : String.format("%.1f GiB", memKib / 1024.0 / 1024.0),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    /** The 1-, 5- and 15-minute load averages, e.g. {@code 1.42 2.17 2.57}, or "unknown". */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
