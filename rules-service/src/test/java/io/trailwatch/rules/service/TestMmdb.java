package io.trailwatch.rules.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small IPv4 MaxMind DB files (format 2.0) for tests, e.g. a city database like GeoLite2-City's, which
 * cannot be shipped or downloaded here. Values: String, Double, Integer (uint32), List, Map.
 */
final class TestMmdb {

    private final String databaseType;
    private final List<int[]> tree = new ArrayList<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    /** Record kinds while building: -1 empty, >= 0 node index, <= -2 data offset encoded as -2 - offset. */
    TestMmdb(String databaseType) {
        this.databaseType = databaseType;
        tree.add(new int[] {-1, -1});
    }

    /** Maps {@code cidr} (e.g. 81.2.69.0/24) to a data record. */
    TestMmdb network(String cidr, Map<String, Object> value) throws IOException {
        String[] parts = cidr.split("/");
        byte[] address = InetAddress.getByName(parts[0]).getAddress();
        int prefix = Integer.parseInt(parts[1]);
        int offset = data.size();
        encode(value, data);
        int node = 0;
        for (int i = 0; i < prefix; i++) {
            int bit = (address[i / 8] >> (7 - i % 8)) & 1;
            if (i == prefix - 1) {
                tree.get(node)[bit] = -2 - offset;
            } else {
                if (tree.get(node)[bit] == -1) {
                    tree.add(new int[] {-1, -1});
                    tree.get(node)[bit] = tree.size() - 1;
                }
                node = tree.get(node)[bit];
            }
        }
        return this;
    }

    Path write(Path file) throws IOException {
        int nodeCount = tree.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] node : tree) {
            for (int record : node) {
                int value = record == -1 ? nodeCount : record >= 0 ? record : nodeCount + 16 + (-2 - record);
                out.write(value >>> 16);
                out.write(value >>> 8);
                out.write(value);
            }
        }
        out.write(new byte[16]);
        data.writeTo(out);
        out.write(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("binary_format_major_version", new Uint16(2));
        metadata.put("binary_format_minor_version", new Uint16(0));
        metadata.put("build_epoch", new Uint64(1_780_000_000L));
        metadata.put("database_type", databaseType);
        metadata.put("description", Map.of("en", "Trailwatch test database"));
        metadata.put("ip_version", new Uint16(4));
        metadata.put("languages", List.of("en"));
        metadata.put("node_count", nodeCount);
        metadata.put("record_size", new Uint16(24));
        encode(metadata, out);
        Files.write(file, out.toByteArray());
        return file;
    }

    private record Uint16(int value) {
    }

    private record Uint64(long value) {
    }

    private static void encode(Object value, ByteArrayOutputStream out) throws IOException {
        if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            control(2, bytes.length, out);
            out.write(bytes);
        } else if (value instanceof Double d) {
            control(3, 8, out);
            long bits = Double.doubleToLongBits(d);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (bits >>> shift));
            }
        } else if (value instanceof Uint16 u) {
            control(5, 2, out);
            out.write(u.value() >>> 8);
            out.write(u.value());
        } else if (value instanceof Integer i) {
            control(6, 4, out);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write(i >>> shift);
            }
        } else if (value instanceof Uint64 u) {
            control(9, 8, out);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (u.value() >>> shift));
            }
        } else if (value instanceof List<?> list) {
            control(11, list.size(), out);
            for (Object item : list) {
                encode(item, out);
            }
        } else if (value instanceof Map<?, ?> map) {
            control(7, map.size(), out);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                encode(entry.getKey(), out);
                encode(entry.getValue(), out);
            }
        } else {
            throw new IllegalArgumentException("unsupported test value " + value);
        }
    }

    /** Control byte: type in the top three bits (0 and a type byte for extended types), size below 29. */
    private static void control(int type, int size, ByteArrayOutputStream out) {
        if (size >= 29) {
            throw new IllegalArgumentException("test values are short: size " + size);
        }
        if (type <= 7) {
            out.write((type << 5) | size);
        } else {
            out.write(size);
            out.write(type - 7);
        }
    }
}
