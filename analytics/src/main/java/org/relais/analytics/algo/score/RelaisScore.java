package org.relais.analytics.algo.score;

import java.util.Objects;

import org.relais.analytics.algo.pagerank.PageRankResult;
import org.relais.analytics.graph.CompactGraph;

/**
 * The Relais score: PageRank on a 0–100 logarithmic scale, for readers who want one number.
 *
 * <h2>Definition</h2>
 * <pre>
 *   floor    = ((1 - d) + d D) / N                       the PageRank of an actor nobody relays
 *   score(v) = min(100, max(0, (100 / decades) * log10( PR(v) / floor )))
 * </pre>
 * with {@code d} the damping, {@code N} the number of actors and {@code D} the total PageRank of the
 * actors that relay nobody (dangling), which PageRank spreads evenly over everyone. So:
 * <ul>
 *   <li>0 means relayed by nobody: {@code floor} is exactly what such an actor gets, and no actor can
 *       get less;</li>
 *   <li>every tenfold increase of PageRank adds {@code 100 / decades} points, 20 by default:
 *       10 times the floor scores 20, 1,000 times scores 60;</li>
 *   <li>100 means at least {@code 10^decades} (100,000) times the floor; the few actors above share
 *       100, and {@link RelaisScoreResult#saturated()} says how many.</li>
 * </ul>
 *
 * <h2>Why this transform</h2>
 * PageRank spans orders of magnitude, so a linear 0–100 scale would put almost everyone at 0. A
 * logarithm makes equal ratios equal steps. Anchoring 0 on the floor and the top on a fixed ratio,
 * rather than on the night's smallest and largest scores, makes a score mean the same thing every
 * night: it does not move because the night's top actor changed, and it does not depend on {@code N}
 * directly, since {@code PR / floor = (N PR) / ((1 - d) + d D)} compares an actor with the average
 * share {@code 1/N}. (It does move slightly with {@code D}, the share held by actors who relay nobody,
 * typically 0.2–0.5.) The transform is monotone: a higher PageRank never gives a lower score, and
 * equal PageRanks give equal scores. The ranking itself stays the PageRank's.
 *
 * <p>Only for PageRank with the uniform teleport, whose floor is the formula above.
 *
 * <h2>Cost</h2>
 * {@code O(n)} time, {@code 8n} bytes for the scores.
 */
public final class RelaisScore {

    private RelaisScore() {
    }

    /**
     * The scores of the vertices of {@code graph} from its PageRank.
     *
     * @throws IllegalArgumentException if the PageRank is personalised, or was computed on a graph with
     *                                  another number of vertices
     */
    public static RelaisScoreResult compute(CompactGraph graph, PageRankResult pageRank, RelaisScoreParameters parameters) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(pageRank, "pageRank");
        Objects.requireNonNull(parameters, "parameters");
        final int n = graph.vertexCount();
        if (pageRank.vertexCount() != n) {
            throw new IllegalArgumentException("pageRank had " + pageRank.vertexCount()
                    + " scores, but must have one per vertex: " + n);
        }
        if (pageRank.personalized()) {
            throw new IllegalArgumentException("pageRank was personalised, but must use the uniform teleport");
        }
        double damping = pageRank.parameters().damping();
        double dangling = 0;
        for (int v = 0; v < n; v++) {
            if (graph.outStrength(v) == 0) {
                dangling += pageRank.score(v);
            }
        }
        double floor = ((1 - damping) + damping * dangling) / n;
        double pointsPerDecade = 100 / parameters.decades();
        double[] scores = new double[n];
        int saturated = 0;
        for (int v = 0; v < n; v++) {
            // Relayed by nobody: exactly the floor, whatever digits an iterative PageRank leaves.
            double s = graph.inDegree(v) == 0 ? 0 : pointsPerDecade * Math.log10(pageRank.score(v) / floor);
            if (s >= 100) {
                s = 100;
                saturated++;
            } else if (!(s > 0)) {
                // Rounding can leave an unrelayed actor a hair below the floor.
                s = 0;
            }
            scores[v] = s;
        }
        return new RelaisScoreResult(scores, floor, saturated, damping, parameters);
    }

    /** {@link #compute(CompactGraph, PageRankResult, RelaisScoreParameters)} with the default 5 decades. */
    public static RelaisScoreResult compute(CompactGraph graph, PageRankResult pageRank) {
        return compute(graph, pageRank, RelaisScoreParameters.defaults());
    }
}
