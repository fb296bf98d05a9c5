package org.relais.analytics.algo.explain;

import java.util.Arrays;
import java.util.Objects;

/**
 * Ranks every vertex within its community by a score (PageRank): who leads each camp, and how much
 * of the score each community holds.
 *
 * <p>Rank 1 is the highest score in the community; equal scores are ranked by vertex id, smaller
 * first, so ranks are a permutation of {@code 1..size} in every community. Cost: one stable sort of the
 * vertices, {@code O(n log n)}, and {@code 12n} bytes besides the result.
 */
public final class CommunityRanking {

    private final int[] ranks;
    /** Vertices grouped by community, each group by rank. */
    private final int[] ordered;
    private final int[] start;
    private final double[] mass;

    private CommunityRanking(int[] ranks, int[] ordered, int[] start, double[] mass) {
        this.ranks = ranks;
        this.ordered = ordered;
        this.start = start;
        this.mass = mass;
    }

    /**
     * @param scores      one finite score per vertex
     * @param communities one community per vertex, in {@code [0, k)} as {@code Partition} numbers them
     * @throws IllegalArgumentException if the arrays differ in length, a score is not finite, or a
     *                                  community is negative
     */
    public static CommunityRanking of(double[] scores, int[] communities) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(communities, "communities");
        final int n = scores.length;
        Checks.perVertex(communities, "communities", n);
        int k = 0;
        for (int v = 0; v < n; v++) {
            if (!Double.isFinite(scores[v])) {
                throw new IllegalArgumentException("scores[" + v + "] was " + scores[v] + ", but must be finite");
            }
            if (communities[v] < 0) {
                throw new IllegalArgumentException("communities[" + v + "] was " + communities[v] + ", but must be >= 0");
            }
            k = Math.max(k, communities[v] + 1);
        }
        int[] order = new int[n];
        for (int v = 0; v < n; v++) {
            order[v] = v;
        }
        // Stable: equal scores stay in vertex order.
        IntMergeSort.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int[] start = new int[k + 1];
        double[] mass = new double[k];
        for (int v = 0; v < n; v++) {
            start[communities[v] + 1]++;
            mass[communities[v]] += scores[v];
        }
        for (int c = 0; c < k; c++) {
            start[c + 1] += start[c];
        }
        int[] cursor = Arrays.copyOf(start, k);
        int[] ordered = new int[n];
        int[] ranks = new int[n];
        for (int v : order) {
            int c = communities[v];
            int p = cursor[c]++;
            ordered[p] = v;
            ranks[v] = p - start[c] + 1;
        }
        return new CommunityRanking(ranks, ordered, start, mass);
    }

    /** The vertex's rank in its community, 1 first. */
    public int rank(int vertex) {
        return ranks[vertex];
    }

    /** A copy of every vertex's rank. */
    public int[] ranks() {
        return ranks.clone();
    }

    /** The number of communities ({@code 1 +} the largest community id). */
    public int communityCount() {
        return mass.length;
    }

    /** The community's {@code limit} highest-ranked members, best first (fewer if it is smaller). */
    public int[] topMembers(int community, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit was " + limit + ", but must be >= 0");
        }
        int from = start[community];
        return Arrays.copyOfRange(ordered, from, Math.min(start[community + 1], from + limit));
    }

    /** The sum of the scores of the community's members. */
    public double scoreMass(int community) {
        return mass[community];
    }
}
