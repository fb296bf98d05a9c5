package org.relais.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The report's charts as inline SVG figures: a histogram, a log-log scatter plot and horizontal
 * bars. Plain SVG written here, so the page needs no script and loads nothing. Each figure has a
 * title and a caption for screen readers, and every label from the data is escaped.
 */
final class Charts {

    private static final int WIDTH = 540;
    private static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 48;
    private static final String BAR = "#2f6f9f";
    private static final String AXIS = "#59636e";
    private static final String GRID = "#e4e8ec";

    private Charts() {
    }

    /**
     * A histogram of the finite {@code values} in {@code bins} equal bins, or null when there is
     * none.
     *
     * @param tickLabel how an x value is labelled (for a log scale: the value it stands for)
     */
    static String histogram(String title, String xLabel, double[] values, int bins, DoubleFunction<String> tickLabel) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        int[] counts = new int[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[Math.min(bins - 1, (int) ((v - min) / (max - min) * bins))]++;
            }
        }
        int highest = 0;
        for (int c : counts) {
            highest = Math.max(highest, c);
        }
        Scale x = new Scale(min, max, LEFT, WIDTH - RIGHT);
        Scale y = new Scale(0, niceCeiling(highest), HEIGHT - BOTTOM, TOP);
        StringBuilder svg = begin(title);
        yAxis(svg, y, ticks(0, y.max, 5), v -> Format.integer(v), "actors");
        xAxis(svg, x, ticks(min, max, 6), tickLabel, xLabel);
        double binWidth = (max - min) / bins;
        for (int i = 0; i < bins; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double from = min + i * binWidth;
            double left = x.at(from);
            double top = y.at(counts[i]);
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
                    left + 0.5, top, Math.max(1, x.at(from + binWidth) - left - 1), y.at(0) - top, BAR,
                    Html.escape(tickLabel.apply(from) + " to " + tickLabel.apply(from + binWidth) + ": "
                            + Format.integer(counts[i]) + " actor(s)")));
        }
        return end(svg, title);
    }

    /**
     * A scatter plot of positive {@code (x, y)} pairs on log-log axes, or null when there is none.
     * Points are thinned to about 150 per decade of x, so a ranking of millions stays a small page.
     */
    static String logLog(String title, String xLabel, String yLabel, double[] xs, double[] ys) {
        List<double[]> points = new ArrayList<>();
        double lastBucket = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            if (!(xs[i] > 0) || !(ys[i] > 0) || !Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                continue;
            }
            double lx = Math.log10(xs[i]);
            double bucket = Math.floor(lx * 150);
            if (bucket != lastBucket) {
                points.add(new double[] {lx, Math.log10(ys[i])});
                lastBucket = bucket;
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        Scale x = new Scale(Math.floor(minX), Math.max(Math.ceil(maxX), Math.floor(minX) + 1), LEFT, WIDTH - RIGHT);
        Scale y = new Scale(Math.floor(minY), Math.max(Math.ceil(maxY), Math.floor(minY) + 1), HEIGHT - BOTTOM, TOP);
        StringBuilder svg = begin(title);
        yAxis(svg, y, decades(y.min, y.max), Charts::powerOfTen, yLabel);
        xAxis(svg, x, decades(x.min, x.max), Charts::powerOfTen, xLabel);
        for (double[] p : points) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"%s\"/>%n",
                    x.at(p[0]), y.at(p[1]), BAR));
        }
        return end(svg, title);
    }

    /** Horizontal bars, one per label, longest scale at the largest value; null when empty. */
    static String bars(String title, List<String> labels, double[] values, DoubleFunction<String> valueLabel) {
        if (labels.isEmpty()) {
            return null;
        }
        int labelWidth = 200;
        int rowHeight = 22;
        int height = TOP + rowHeight * labels.size() + 8;
        double highest = 0;
        for (double v : values) {
            highest = Math.max(highest, Double.isFinite(v) ? v : 0);
        }
        Scale x = new Scale(0, highest > 0 ? highest : 1, labelWidth, WIDTH - 80);
        StringBuilder svg = begin(title, height);
        for (int i = 0; i < labels.size(); i++) {
            double v = Double.isFinite(values[i]) ? values[i] : 0;
            double top = TOP + i * rowHeight;
            String label = labels.get(i).length() > 28 ? labels.get(i).substring(0, 27) + "…" : labels.get(i);
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\" fill=\"#1f2328\">%s</text>%n",
                    labelWidth - 8, top + 15, Html.escape(label)));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>%n",
                    labelWidth, top + 3, Math.max(1, x.at(v) - labelWidth), rowHeight - 6, BAR,
                    Html.escape(labels.get(i) + ": " + valueLabel.apply(v))));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"%s\">%s</text>%n",
                    Math.max(1, x.at(v)) + 6, top + 15, AXIS, Html.escape(valueLabel.apply(v))));
        }
        return end(svg, title);
    }

    /** Maps data values in [min, max] to pixels in [from, to] (to may be smaller: y grows down). */
    private record Scale(double min, double max, double from, double to) {

        double at(double v) {
            return from + (v - min) / (max - min) * (to - from);
        }
    }

    private static StringBuilder begin(String title) {
        return begin(title, HEIGHT);
    }

    private static StringBuilder begin(String title, int height) {
        StringBuilder svg = new StringBuilder(8 * 1024);
        svg.append("<figure>\n").append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "role=\"img\" aria-label=\"%s\">%n<title>%s</title>%n",
                WIDTH, height, WIDTH, height, Html.escape(title), Html.escape(title)));
        return svg;
    }

    private static String end(StringBuilder svg, String title) {
        return svg.append("</svg>\n<figcaption>").append(Html.escape(title)).append("</figcaption>\n</figure>\n")
                .toString();
    }

    private static void xAxis(StringBuilder svg, Scale x, List<Double> ticks, DoubleFunction<String> label, String name) {
        double base = HEIGHT - BOTTOM;
        svg.append(line(x.from, base, x.to, base, AXIS));
        for (double t : ticks) {
            double px = x.at(t);
            svg.append(line(px, base, px, base + 4, AXIS));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"%s\">%s</text>%n",
                    px, base + 17, AXIS, Html.escape(label.apply(t))));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"%s\">%s</text>%n",
                (x.from + x.to) / 2, HEIGHT - 8, AXIS, Html.escape(name)));
    }

    private static void yAxis(StringBuilder svg, Scale y, List<Double> ticks, DoubleFunction<String> label, String name) {
        svg.append(line(LEFT, y.from, LEFT, y.to, AXIS));
        for (double t : ticks) {
            double py = y.at(t);
            svg.append(line(LEFT + 1, py, WIDTH - RIGHT, py, GRID));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"%s\">%s</text>%n",
                    LEFT - 6, py + 4, AXIS, Html.escape(label.apply(t))));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" fill=\"%s\" "
                        + "transform=\"rotate(-90 14 %.1f)\">%s</text>%n",
                (y.from + y.to) / 2, AXIS, (y.from + y.to) / 2, Html.escape(name)));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, colour);
    }

    /** About {@code count} round tick values (steps of 1, 2 or 5 times a power of ten) in [min, max]. */
    static List<Double> ticks(double min, double max, int count) {
        double step = niceStep((max - min) / count);
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double r = rough / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code v} (at least 1). */
    static double niceCeiling(double v) {
        if (v <= 1) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static List<Double> decades(double min, double max) {
        List<Double> ticks = new ArrayList<>();
        for (double d = Math.ceil(min); d <= max; d++) {
            ticks.add(d);
        }
        return ticks;
    }

    /** 10^k as a plain number: {@code 100}, {@code 1}, {@code 0.001}. */
    static String powerOfTen(double exponent) {
        return new java.math.BigDecimal(java.math.BigInteger.ONE, -(int) Math.round(exponent)).toPlainString();
    }
}
