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
