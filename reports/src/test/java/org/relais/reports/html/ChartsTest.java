package org.relais.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void aHistogramHasOneBarPerNonEmptyBin() {
        String svg = Charts.histogram("t", "x", new double[] {0, 0.1, 0.2, 5, 9.9, 10, Double.NaN}, 10,
                v -> Format.decimal(v, 0));
        assertEquals(3, count(svg, "<rect "), "bins [0,1), [5,6) and [9,10] hold values: " + svg);
        assertTrue(svg.contains("<title>0 to 1: 3 actor(s)</title>"), svg);
        assertTrue(svg.contains("<title>9 to 10: 2 actor(s)</title>"), "the maximum falls in the last bin");
    }

    @Test
    void aHistogramOfNothingIsNull() {
        assertNull(Charts.histogram("t", "x", new double[] {Double.NaN}, 10, String::valueOf));
        assertNull(Charts.histogram("t", "x", new double[0], 10, String::valueOf));
    }

    @Test
    void aHistogramOfOneValueIsOneBar() {
        String svg = Charts.histogram("t", "x", new double[] {3, 3, 3}, 10, v -> Format.decimal(v, 1));
        assertEquals(1, count(svg, "<rect "));
    }

    @Test
    void aLogLogPlotSkipsValuesItCannotPlaceAndThinsLongTails() {
        String small = Charts.logLog("t", "x", "y", new double[] {1, 2, 3, 0}, new double[] {0.5, 0, 0.2, 0.1});
        assertEquals(2, count(small, "<circle "), "zero and negative values have no logarithm");
        int n = 1_000_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i + 1;
            ys[i] = 1.0 / (i + 1);
        }
        int points = count(Charts.logLog("t", "x", "y", xs, ys), "<circle ");
        assertTrue(points <= 6 * 150 + 1, "about 150 points per decade, not a million: " + points);
        assertTrue(points > 500, "but the whole range is drawn: " + points);
        assertNull(Charts.logLog("t", "x", "y", new double[] {0}, new double[] {1}));
    }

    @Test
    void barsEscapeTheirLabels() {
        String svg = Charts.bars("t", List.of("<b>x</b>"), new double[] {3}, Format::integer);
        assertTrue(svg.contains("&lt;b&gt;x&lt;/b&gt;"), svg);
        assertTrue(!svg.contains("<b>"));
        assertNull(Charts.bars("t", List.of(), new double[0], Format::integer));
    }

    @Test
    void ticksAreRoundNumbers() {
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), Charts.ticks(0, 100, 5));
        assertEquals(List.of(-3.0, -2.5, -2.0, -1.5), Charts.ticks(-3.2, -1.4, 5));
        assertEquals(50.0, Charts.niceCeiling(41));
        assertEquals(1.0, Charts.niceCeiling(0));
        assertEquals("0.001", Charts.powerOfTen(-3));
        assertEquals("100", Charts.powerOfTen(2));
    }

    @Test
    void numbersReadWell() {
        assertEquals("7,720", Format.integer(7720));
        assertEquals("–", Format.integer(Double.NaN));
        assertEquals("0.037957", Format.score(0.0379571));
        assertEquals("0.0000123", Format.score(0.0000123456));
        assertEquals("+12", Format.signed(12));
        assertEquals("−8", Format.signed(-8));
        assertEquals("12.3%", Format.percent(0.1234));
        assertEquals("0.0032", Format.significant(Math.pow(10, -2.5), 2));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
