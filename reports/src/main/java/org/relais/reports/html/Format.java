package org.relais.reports.html;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How numbers read on the page: English grouping ({@code 7,720}), scores with enough digits to
 * tell neighbours apart, and an en dash where a measure was not computed. The CSV files keep the
 * full values; the page rounds for reading.
 */
final class Format {

    /** Shown for a measure that is empty in the file. */
    static final String NONE = "–";

    private Format() {
    }

    /** {@code 7,720}; {@code –} for NaN. */
    static String integer(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,d", Math.round(v)) : NONE;
    }

    /**
     * A PageRank-like score: six decimals ({@code 0.037957}) down to 0.0001, below that three
     * significant digits without exponent ({@code 0.0000123}).
     */
    static String score(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        if (v == 0 || Math.abs(v) >= 1e-4) {
            return String.format(Locale.ROOT, "%.6f", v);
        }
        return new BigDecimal(v).round(new MathContext(3)).toPlainString();
    }

    /** {@code v} rounded to {@code digits} significant digits, without exponent: {@code 0.0032}. */
    static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** {@code v} with {@code digits} decimals. */
    static String decimal(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + digits + "f", v) : NONE;
    }

    /** A share of 1 as a percentage with one decimal: {@code 12.3%}. */
    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : NONE;
    }

    /** A rank change: {@code +12}, {@code −8} (minus sign), {@code 0}. */
    static String signed(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        long n = Math.round(v);
        return n > 0 ? "+" + integer(n) : n < 0 ? "−" + integer(-n) : "0";
    }

    /** A signed score change with six decimals: {@code +0.001200}, {@code −0.000340}. */
    static String signedScore(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        String s = String.format(Locale.ROOT, "%.6f", Math.abs(v));
        return v > 0 ? "+" + s : v < 0 ? "−" + s : s;
    }
}
