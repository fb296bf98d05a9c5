package org.relais.analytics.algo.community;

import java.util.HashMap;
import java.util.Map;

/** How well a partition recovers known classes, over a subset of the vertices. */
final class Agreement {

    private Agreement() {
    }

    /**
     * The share of {@code vertices} whose community's majority class (over those vertices; ties to
     * class 0) is their own class.
     */
    static double majority(int[] community, int[] cls, int[] vertices) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (int v : vertices) {
            counts.computeIfAbsent(community[v], k -> new int[2])[cls[v]]++;
        }
        int agree = 0;
        for (int v : vertices) {
            int[] c = counts.get(community[v]);
            int majority = c[1] > c[0] ? 1 : 0;
            if (cls[v] == majority) {
                agree++;
            }
        }
        return (double) agree / vertices.length;
    }

    /** Hubert and Arabie's adjusted Rand index of two labellings of {@code vertices}. */
    static double adjustedRand(int[] a, int[] b, int[] vertices) {
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> cols = new HashMap<>();
        for (int v : vertices) {
            joint.merge(((long) a[v] << 32) | (b[v] & 0xffffffffL), 1, Integer::sum);
            rows.merge(a[v], 1, Integer::sum);
            cols.merge(b[v], 1, Integer::sum);
        }
        double index = joint.values().stream().mapToDouble(Agreement::pairs).sum();
        double sumRows = rows.values().stream().mapToDouble(Agreement::pairs).sum();
        double sumCols = cols.values().stream().mapToDouble(Agreement::pairs).sum();
        double expected = sumRows * sumCols / pairs(vertices.length);
        double max = (sumRows + sumCols) / 2;
        return (index - expected) / (max - expected);
    }

    /** Normalised mutual information, with the arithmetic mean of the entropies (scikit-learn's default). */
    static double nmi(int[] a, int[] b, int[] vertices) {
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> cols = new HashMap<>();
        for (int v : vertices) {
            joint.merge(((long) a[v] << 32) | (b[v] & 0xffffffffL), 1, Integer::sum);
            rows.merge(a[v], 1, Integer::sum);
            cols.merge(b[v], 1, Integer::sum);
        }
        double n = vertices.length;
        double mutual = 0;
        for (Map.Entry<Long, Integer> e : joint.entrySet()) {
            int i = (int) (e.getKey() >> 32);
            int j = (int) (long) e.getKey();
            double nij = e.getValue();
            mutual += nij / n * Math.log(n * nij / ((double) rows.get(i) * cols.get(j)));
        }
        double ha = entropy(rows, n);
        double hb = entropy(cols, n);
        return ha + hb == 0 ? 1.0 : mutual / ((ha + hb) / 2);
    }

    private static double entropy(Map<Integer, Integer> counts, double n) {
        double h = 0;
        for (int c : counts.values()) {
            h -= c / n * Math.log(c / n);
        }
        return h;
    }

    private static double pairs(double k) {
        return k * (k - 1) / 2;
    }
}
