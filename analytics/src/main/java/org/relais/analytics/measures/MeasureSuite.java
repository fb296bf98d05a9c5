package org.relais.analytics.measures;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.algo.betweenness.Betweenness;
import org.relais.analytics.algo.betweenness.BetweennessResult;
import org.relais.analytics.algo.closeness.HarmonicCloseness;
import org.relais.analytics.algo.closeness.HarmonicClosenessResult;
import org.relais.analytics.algo.community.LabelPropagation;
import org.relais.analytics.algo.community.Leiden;
import org.relais.analytics.algo.community.Partition;
import org.relais.analytics.algo.community.UndirectedGraph;
import org.relais.analytics.algo.degree.Degrees;
import org.relais.analytics.algo.explain.BubbleReach;
import org.relais.analytics.algo.explain.CommunityRanking;
import org.relais.analytics.algo.explain.Explanation;
import org.relais.analytics.algo.explain.Explanations;
import org.relais.analytics.algo.explain.TopK;
import org.relais.analytics.algo.hits.Hits;
import org.relais.analytics.algo.hits.HitsResult;
import org.relais.analytics.algo.kcore.Coreness;
import org.relais.analytics.algo.kcore.CorenessResult;
import org.relais.analytics.algo.pagerank.PageRank;
import org.relais.analytics.algo.pagerank.PageRankResult;
import org.relais.analytics.algo.score.RelaisScore;
import org.relais.analytics.algo.score.RelaisScoreResult;
import org.relais.analytics.graph.CompactGraph;
import org.relais.ingest.lake.Lake;

/**
 * Every measure of an actor, computed on one compact graph: PageRank (plus, when seeds are given,
 * personalised PageRank), the Relais score, degrees and strengths, HITS, coreness, betweenness,
 * harmonic closeness, communities with each actor's rank inside its community and its bubble reach,
 * and explanations of the top actors. The analyze job and {@code relais rank} both run it, so a
 * nightly ranking and a ranking of any edge list mean the same thing. {@code docs/algorithms.md}
 * defines each measure.
 */
public final class MeasureSuite {

    private final MeasureSettings settings;
    private final ProgressListener progress;

    public MeasureSuite(MeasureSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Every measure of {@code graph}.
     *
     * @param withoutRandomJump the vertices that get no random-jump share in PageRank (new accounts),
     *     or null for none: PageRank, the Relais score and the explanations then teleport to the
     *     others only
     * @param seeds teleport weights of personalised PageRank (one per vertex), or null for none
     * @param warmStart the previous night's PageRank per vertex to start from, or null
     * @throws IllegalArgumentException if every vertex is without a random-jump share
     */
    public Measures run(CompactGraph graph, BitSet withoutRandomJump, double[] seeds, double[] warmStart) {
        double[] jumps = randomJumps(graph.vertexCount(), withoutRandomJump);
        PageRank pageRank = new PageRank(settings.pageRank()).withProgress(progress);
        if (jumps != null) {
            pageRank = pageRank.withTeleport(jumps);
        }
        if (warmStart != null) {
            pageRank = pageRank.withInitialScores(warmStart);
        }
        PageRankResult pr = pageRank.run(graph);
        PageRankResult personalized = seeds == null ? null
                : new PageRank(settings.pageRank()).withProgress(progress).withTeleport(seeds).run(graph);
        RelaisScoreResult score = RelaisScore.compute(graph, pr, jumps, settings.relaisScore());
        Degrees degrees = Degrees.of(graph);
        HitsResult hits = new Hits(settings.hits()).withProgress(progress).run(graph);
        CorenessResult coreness = new Coreness().withProgress(progress).run(graph);
        BetweennessResult betweenness = new Betweenness(settings.betweenness()).withProgress(progress).run(graph);
        HarmonicClosenessResult closeness =
                new HarmonicCloseness(settings.closeness()).withProgress(progress).run(graph);

        UndirectedGraph undirected = UndirectedGraph.of(graph);
        Partition partition = settings.communityAlgorithm().equals("label-propagation")
                ? new LabelPropagation(settings.labelPropagation()).withProgress(progress).run(undirected)
                : new Leiden(settings.leiden()).withProgress(progress).run(undirected);
        double damping = settings.pageRank().damping();
        // One copy of the scores and of the communities for all that read them (neither changes them).
        double[] scores = pr.scores();
        int[] communities = partition.communities();
        BubbleReach reach = BubbleReach.of(graph, scores, damping, communities);
        CommunityRanking communityRanks = CommunityRanking.of(scores, communities);

        int[] top = topVertices(scores, Math.min(settings.explainTop(), graph.vertexCount()));
        Explanations explaining = Explanations.of(graph, scores, damping);
        if (jumps != null) {
            explaining = explaining.withTeleport(jumps);
        }
        List<Explanation> explanations = explaining.explain(top, settings.explainContributors());
        return new Measures(pr, jumps == null ? 0 : withoutRandomJump.cardinality(), personalized, score, degrees,
                hits, coreness, betweenness, closeness, partition, reach, communityRanks, top, explanations);
    }

    /** Teleport weights: 1, and 0 for the vertices without a random jump; null when there are none. */
    private static double[] randomJumps(int n, BitSet withoutRandomJump) {
        if (withoutRandomJump == null || withoutRandomJump.isEmpty()) {
            return null;
        }
        if (withoutRandomJump.length() > n) {
            throw new IllegalArgumentException("withoutRandomJump named vertex " + (withoutRandomJump.length() - 1)
                    + ", but the graph has " + n);
        }
        if (withoutRandomJump.cardinality() == n) {
            throw new IllegalArgumentException("every one of the " + n + " vertices was without a random jump");
        }
        double[] jumps = new double[n];
        Arrays.fill(jumps, 1);
        withoutRandomJump.stream().forEach(v -> jumps[v] = 0);
        return jumps;
    }

    /**
     * The {@code k} vertices with the highest scores, best first, ties by vertex (actor-id order),
     * without boxing: {@code O(n log k)}, or {@code O(n log n)} when {@code k} is more than half of
     * {@code n} ({@link TopK#vertices}).
     *
     * @param k in {@code [0, n]}
     */
    public static int[] topVertices(double[] scores, int k) {
        return TopK.vertices(scores, k);
    }

    /** Every vertex by score, best first, ties by vertex (actor-id order): {@code O(n log n)}, {@code 8n} bytes. */
    public static int[] verticesByScore(double[] scores) {
        return TopK.order(scores);
    }

    /**
     * Everything {@link #run} computed.
     *
     * @param withoutRandomJump how many vertices PageRank gave no random-jump share
     * @param personalized null when no seeds were given
     * @param top the explained vertices, best first
     */
    public record Measures(PageRankResult pageRank, int withoutRandomJump, PageRankResult personalized,
            RelaisScoreResult relaisScore,
            Degrees degrees, HitsResult hits, CorenessResult coreness, BetweennessResult betweenness,
            HarmonicClosenessResult closeness, Partition partition, BubbleReach bubbleReach,
            CommunityRanking communityRanks, int[] top, List<Explanation> explanations) {

        /** How each measure was computed, for the manifest: methods, parameters, error bounds. */
        public ObjectNode toJson() {
            ObjectNode n = Lake.json().createObjectNode();
            ObjectNode p = n.putObject("pagerank");
            p.put("damping", pageRank.parameters().damping());
            p.put("tolerance", pageRank.parameters().tolerance());
            p.put("iterations", pageRank.iterations());
            p.put("converged", pageRank.converged());
            p.put("l1_change", pageRank.finalDelta());
            p.put("warm_start", pageRank.warmStarted());
            p.put("without_random_jump", withoutRandomJump);
            if (personalized != null) {
                ObjectNode pp = n.putObject("personalized_pagerank");
                pp.put("iterations", personalized.iterations());
                pp.put("converged", personalized.converged());
            }
            ObjectNode s = n.putObject("relais_score");
            s.put("decades", relaisScore.parameters().decades());
            s.put("floor", relaisScore.floor());
            s.put("saturated", relaisScore.saturated());
            ObjectNode h = n.putObject("hits");
            h.put("iterations", hits.iterations());
            h.put("converged", hits.converged());
            n.putObject("k_core").put("degeneracy", coreness.degeneracy());
            ObjectNode b = n.putObject("betweenness");
            b.put("method", betweenness.exact() ? "exact" : "sampled");
            b.put("normalized", betweenness.normalized());
            b.put("weighted", betweenness.weighted());
            if (!betweenness.exact()) {
                b.put("epsilon", betweenness.epsilon());
                b.put("delta", betweenness.delta());
                b.put("samples", betweenness.samples());
                b.put("seed", betweenness.seed());
            }
            ObjectNode c = n.putObject("harmonic_closeness");
            c.put("method", closeness.exact() ? "exact" : "sampled");
            c.put("normalized", closeness.normalized());
            if (!closeness.exact()) {
                c.put("epsilon", closeness.epsilon());
                c.put("delta", closeness.delta());
                c.put("absolute_error_bound", closeness.absoluteErrorBound());
                c.put("sources", closeness.sources());
                c.put("seed", closeness.seed());
            }
            ObjectNode m = n.putObject("communities");
            m.put("algorithm", partition.algorithm().toString().toLowerCase(java.util.Locale.ROOT));
            m.put("communities", partition.communityCount());
            m.put("modularity", partition.modularity());
            m.put("resolution", partition.resolution());
            m.put("iterations", partition.iterations());
            n.putObject("explanations").put("actors", top.length);
            return n;
        }
    }
}
