package io.trailwatch.simulator.random;

import java.util.SplittableRandom;

/** Identifier shapes AWS uses, drawn from a seeded stream. */
public final class RandomIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] MIXED_ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private RandomIds() {
    }

    /** A random (version 4) UUID in its canonical lowercase form. */
    public static String uuid(SplittableRandom rng) {
        long hi = rng.nextLong();
        long lo = rng.nextLong();
        hi = (hi & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] out = new char[36];
        int p = 0;
        for (int i = 15; i >= 0; i--) {
            out[p++] = HEX[(int) (hi >>> (i * 4)) & 0xF];
            if (p == 8 || p == 13 || p == 18) {
                out[p++] = '-';
            }
        }
        for (int i = 15; i >= 0; i--) {
            out[p++] = HEX[(int) (lo >>> (i * 4)) & 0xF];
            if (p == 23) {
                out[p++] = '-';
            }
        }
        return new String(out);
    }

    public static String hex(SplittableRandom rng, int length) {
        return draw(rng, HEX, length);
    }

    public static String upperHex(SplittableRandom rng, int length) {
        return draw(rng, UPPER_HEX, length);
    }

    public static String upperAlnum(SplittableRandom rng, int length) {
        return draw(rng, UPPER_ALNUM, length);
    }

    public static String lowerAlnum(SplittableRandom rng, int length) {
        return draw(rng, LOWER_ALNUM, length);
    }

    public static String mixedAlnum(SplittableRandom rng, int length) {
        return draw(rng, MIXED_ALNUM, length);
    }

    /** A 12-digit AWS account id that does not start with 0. */
    public static String accountId(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(12);
        sb.append((char) ('1' + rng.nextInt(9)));
        for (int i = 1; i < 12; i++) {
            sb.append((char) ('0' + rng.nextInt(10)));
        }
        return sb.toString();
    }

    private static String draw(SplittableRandom rng, char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[rng.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
