package io.trailwatch.collector.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time of one process's threads from Linux's {@code /proc}, grouped by thread name without its number (the
 * collector's sixteen workers are one group; Linux keeps the first 15 characters of a name). Used to say where each
 * record's CPU goes in a round: the benchmark shares two cores between the collector, the broker and the S3 and SQS
 * servers. Ticks are taken as 1/100 s ({@code USER_HZ} on Linux).
 */
final class ThreadCpu {

    private static final double SECONDS_PER_TICK = 0.01;
    private static final Pattern NUMBERED = Pattern.compile("[-_#]?\\d+$");

    /** CPU seconds per thread group, and of the whole process (which keeps the time of threads that ended). */
    record Snapshot(Map<String, Double> groups, double process) {

        /** The CPU each group used since {@code earlier}; "(threads that ended)" for the process's remainder. */
        Map<String, Double> since(Snapshot earlier) {
            Map<String, Double> used = new HashMap<>();
            groups.forEach((group, seconds) -> used.put(group, seconds - earlier.groups.getOrDefault(group, 0.0)));
            double listed = used.values().stream().mapToDouble(Double::doubleValue).sum();
            double ended = (process - earlier.process) - listed;
            if (ended > 0.005) {
                used.put("(threads that ended)", ended);
            }
            return used;
        }
    }

    private ThreadCpu() {
    }

    static Snapshot of(long pid) {
        Map<String, Double> groups = new HashMap<>();
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                String[] stat = stat(thread.resolve("stat"));
                if (stat != null) {
                    groups.merge(NUMBERED.matcher(stat[0]).replaceFirst(""), ticks(stat), Double::sum);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + tasks + " (Linux /proc is needed): " + e.getMessage(), e);
        }
        String[] process = stat(Path.of("/proc", String.valueOf(pid), "stat"));
        return new Snapshot(groups, process == null ? 0 : ticks(process));
    }

    /**
     * One line per process: its CPU per record and in cores, then its largest groups. {@code used} maps a process
     * label to {@link Snapshot#since}.
     */
    static List<String> report(Map<String, Map<String, Double>> used, long records, double seconds) {
        List<String> lines = new ArrayList<>();
        used.forEach((label, groups) -> {
            double total = groups.values().stream().mapToDouble(Double::doubleValue).sum();
            StringBuilder line = new StringBuilder(String.format("    %-9s %5.2f µs/record (%.2f cores):", label,
                    total * 1e6 / records, total / seconds));
            groups.entrySet().stream().filter(e -> e.getValue() / seconds >= 0.01)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> line.append(String.format(" %s %.2f;", e.getKey(), e.getValue() * 1e6 / records)));
            lines.add(line.toString());
        });
        return lines;
    }

    /** The fields after the thread's name (field 2), with the name first; null when the thread has ended. */
    private static String[] stat(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return null;
        }
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        String[] rest = text.substring(close + 2).split(" ");
        String[] fields = new String[rest.length + 1];
        fields[0] = text.substring(open + 1, close);
        System.arraycopy(rest, 0, fields, 1, rest.length);
        return fields;
    }

    /** utime + stime: fields 14 and 15 of stat, here at 12 and 13 after the name. */
    private static double ticks(String[] fields) {
        return (Long.parseLong(fields[12]) + Long.parseLong(fields[13])) * SECONDS_PER_TICK;
    }
}
