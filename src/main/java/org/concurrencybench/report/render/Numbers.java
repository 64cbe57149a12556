package org.concurrencybench.report.render;

import java.util.Locale;

/**
 * How numbers appear in tables and text: three significant digits, a dash where there is no
 * value, intervals as "low-high". One place, so the Markdown, HTML and CSV agree.
 */
public final class Numbers {

    public static final String ABSENT = "\u2014";

    private Numbers() {
    }

    /** "1 core", "2 cores". */
    public static String cores(int count) {
        return count + (count == 1 ? " core" : " cores");
    }

    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.isInfinite(value) ? (value > 0 ? "\u221e" : "-\u221e") : ABSENT;
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude < 0.001) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** "12.3 [11.9, 12.7]" or just the value when there is no interval. */
    public static String withInterval(double value, double low, double high) {
        if (!Double.isFinite(value)) {
            return ABSENT;
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return format(value);
        }
        return format(value) + " [" + format(low) + ", " + format(high) + "]";
    }

    /**
     * A ratio and its interval with as many decimals (3 to 6) as it takes for the ratio and each bound
     * to print on its own side of 1: 0.9996 is "0.9996", never "1.000", so "1.00 [0.998, 1.00]" cannot
     * hide whether 1 is inside. The one routine for a ratio against 1 with its interval.
     */
    public static String ratioWithInterval(double value, double low, double high) {
        if (!Double.isFinite(value)) {
            return ABSENT;
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return decimals(value, 3) + " (no interval)";
        }
        int digits = 3;
        while (digits < 6 && !(sideOfOneShows(value, digits) && sideOfOneShows(low, digits) && sideOfOneShows(high, digits))) {
            digits++;
        }
        return decimals(value, digits) + " [" + decimals(low, digits) + ", " + decimals(high, digits) + "]";
    }

    /** A ratio alone, with as many decimals (3 to 6) as it takes to print on its own side of 1. */
    public static String ratio(double value) {
        if (!Double.isFinite(value)) {
            return ABSENT;
        }
        int digits = 3;
        while (digits < 6 && !sideOfOneShows(value, digits)) {
            digits++;
        }
        return decimals(value, digits);
    }

    private static boolean sideOfOneShows(double value, int digits) {
        return Double.compare(Double.parseDouble(decimals(value, digits)), 1.0) == Double.compare(value, 1.0);
    }

    private static String decimals(double value, int digits) {
        return value >= 0.1 ? String.format(Locale.ROOT, "%." + digits + "f", value)
                : String.format(Locale.ROOT, "%." + digits + "g", value);
    }

    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.0f%%", fraction * 100) : ABSENT;
    }

    public static String signedPercent(double percent) {
        return Double.isFinite(percent) ? String.format(Locale.ROOT, "%+.1f%%", percent) : ABSENT;
    }

    public static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return ABSENT;
        }
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
