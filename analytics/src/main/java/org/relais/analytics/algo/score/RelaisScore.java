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
 * <p>With a teleport vector {@code t} other than the uniform one (actors without a random-jump
 * share, {@code relais.pagerank.min-account-age}), the floor is that of an actor with the largest
 * share: {@code ((1 - d) + d D) * max(t) / sum(t)}, which is the formula above when {@code t} is
 * uniform. An actor without a share that nobody relays has a PageRank of 0 and scores 0.
 *
 * <h2>Cost</h2>
 * {@code O(n)} time, {@code 8n} bytes for the scores.
 */
public final class RelaisScore {

    private RelaisScore() {
    }

    /**
     * The scores of the vertices of {@code graph} from its PageRank with the uniform teleport.
     *
     * @throws IllegalArgumentException if the PageRank is personalised, or was computed on a graph with
     *                                  another number of vertices
     */
    public static RelaisScoreResult compute(CompactGraph graph, PageRankResult pageRank, RelaisScoreParameters parameters) {
        return compute(graph, pageRank, null, parameters);
    }

    /**
     * The scores of the vertices of {@code graph} from its PageRank computed with the teleport
     * weights {@code teleport} (as given to {@code PageRank.withTeleport}), or with the uniform
     * teleport when {@code teleport} is null.
     *
     * @throws IllegalArgumentException if the PageRank was personalised and {@code teleport} is null or
     *                                  the reverse, or if the PageRank or the weights do not have one
     *                                  entry per vertex
     */
    public static RelaisScoreResult compute(CompactGraph graph, PageRankResult pageRank, double[] teleport,
            RelaisScoreParameters parameters) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(pageRank, "pageRank");
        Objects.requireNonNull(parameters, "parameters");
        final int n = graph.vertexCount();
        if (pageRank.vertexCount() != n) {
            throw new IllegalArgumentException("pageRank had " + pageRank.vertexCount()
                    + " scores, but must have one per vertex: " + n);
        }
        if (pageRank.personalized() != (teleport != null)) {
            throw new IllegalArgumentException(pageRank.personalized()
                    ? "pageRank was personalised, but no teleport weights were given"
                    : "teleport weights were given, but pageRank used the uniform teleport");
        }
        double damping = pageRank.parameters().damping();
        double dangling = 0;
        for (int v = 0; v < n; v++) {
            if (graph.outStrength(v) == 0) {
                dangling += pageRank.score(v);
            }
        }
        double floor = ((1 - damping) + damping * dangling) * largestShare(teleport, n);
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

    /** The largest random-jump share, {@code max(t) / sum(t)}; {@code 1/n} for the uniform teleport. */
    private static double largestShare(double[] teleport, int n) {
        if (teleport == null) {
            return 1.0 / n;
        }
        if (teleport.length != n) {
            throw new IllegalArgumentException("teleport had " + teleport.length + " weights, but must have one per vertex: " + n);
        }
        double max = 0;
        double sum = 0;
        for (double w : teleport) {
            max = Math.max(max, w);
            sum += w;
        }
        return max / sum;
    }

    /** {@link #compute(CompactGraph, PageRankResult, RelaisScoreParameters)} with the default 5 decades. */
    public static RelaisScoreResult compute(CompactGraph graph, PageRankResult pageRank) {
        return compute(graph, pageRank, RelaisScoreParameters.defaults());
    }
}
