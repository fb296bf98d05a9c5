package org.relais.analytics.algo.betweenness;

import java.util.Arrays;

import org.relais.analytics.graph.CompactGraph;

/**
 * Betweenness from its definition, for tests: all-pairs shortest distances and path counts by
 * Floyd–Warshall, then {@code sigma_st(v) = sigma_sv sigma_vt} whenever {@code d(s,v) + d(v,t) = d(s,t)}.
 * {@code O(n^3)}; for graphs of a few hundred vertices. Lengths 1/w are compared with a relative
 * tolerance, so ties are found whatever the order of the additions.
 */
final class NaiveBetweenness {

    private NaiveBetweenness() {
    }

    static double[] of(CompactGraph g, boolean lengths) {
        int n = g.vertexCount();
        double[][] d = new double[n][n];
        double[][] sigma = new double[n][n];
        for (double[] row : d) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int u = 0; u < n; u++) {
            d[u][u] = 0;
            sigma[u][u] = 1;
            for (int e = g.outOffsets()[u]; e < g.outOffsets()[u + 1]; e++) {
                int v = g.outTargets()[e];
                d[u][v] = lengths ? 1.0 / g.outWeight(e) : 1.0;
                sigma[u][v] = 1;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == k || j == k || i == j) {
                        continue;
                    }
                    double through = d[i][k] + d[k][j];
                    if (through < d[i][j] && !same(through, d[i][j])) {
                        d[i][j] = through;
                        sigma[i][j] = 0;
                    }
                }
            }
        }
        // Path counts by increasing distance would need an order; count again from the distances instead.
        for (int s = 0; s < n; s++) {
            Integer[] byDistance = new Integer[n];
            for (int v = 0; v < n; v++) {
                byDistance[v] = v;
            }
            final int source = s;
            Arrays.sort(byDistance, (a, b) -> Double.compare(d[source][a], d[source][b]));
            Arrays.fill(sigma[s], 0);
            sigma[s][s] = 1;
            for (int v : byDistance) {
                if (v == s || d[s][v] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int e = g.inOffsets()[v]; e < g.inOffsets()[v + 1]; e++) {
                    int p = g.inSources()[e];
                    double len = lengths ? 1.0 / g.inWeight(e) : 1.0;
                    if (d[s][p] < Double.POSITIVE_INFINITY && same(d[s][p] + len, d[s][v])) {
                        sigma[s][v] += sigma[s][p];
                    }
                }
            }
        }
        double[] b = new double[n];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s == t || sigma[s][t] == 0) {
                    continue;
                }
                for (int v = 0; v < n; v++) {
                    if (v != s && v != t && sigma[s][v] > 0 && sigma[v][t] > 0 && same(d[s][v] + d[v][t], d[s][t])) {
                        b[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
                    }
                }
            }
        }
        for (int v = 0; v < n; v++) {
            b[v] /= (double) (n - 1) * (n - 2);
        }
        return b;
    }

    private static boolean same(double a, double b) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }
}
