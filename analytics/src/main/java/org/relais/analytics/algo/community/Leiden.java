package org.relais.analytics.algo.community;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.graph.CompactGraph;

/**
 * Communities that maximise modularity, by the Leiden algorithm (or, with refinement off, the
 * Louvain method), on the {@link UndirectedGraph} of the interaction graph.
 *
 * <h2>Variant</h2>
 * Quality: Newman's weighted modularity with resolution {@code γ} ({@link Partition}). One pass is
 * the Leiden algorithm of V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden:
 * guaranteeing well-connected communities", Scientific Reports 9, 5233 (2019):
 * <ol>
 *   <li><b>Fast local moving.</b> Vertices wait in a queue, first in a seeded random order. A vertex
 *       taken from the queue moves to the neighbouring community (or an empty one) with the largest
 *       modularity gain, if that gain is positive; ties keep it where it is, then go to the community
 *       met first among its neighbours. Its neighbours outside its new community join the queue. Ends
 *       when the queue is empty.</li>
 *   <li><b>Refinement.</b> Within each community, starting from singletons, every vertex still alone
 *       and well connected to its community ({@code E(v, C−v) ≥ γ k_v (K_C − k_v)/2m}) may join a
 *       well-connected sub-community of the same community with a gain {@code ΔH ≥ 0}, chosen with
 *       probability {@code ∝ exp(ΔH/θ)} (staying alone has {@code ΔH = 0}); vertices are visited in a
 *       seeded random order.</li>
 *   <li><b>Aggregation.</b> Each refined sub-community becomes one vertex; it starts in the
 *       community of step 1 that contains it. Steps 1–3 repeat on the aggregate graph until every
 *       community is one vertex or the refinement merged nothing.</li>
 * </ol>
 * Passes repeat from the partition of the previous one until a pass moves no vertex or
 * {@code maxIterations} passes ran; after every pass each community is connected (Theorem 1 of the
 * paper: γ-connected). With {@code refinement = false}, step 2 is skipped and step 3 aggregates the
 * communities of step 1 themselves: the Louvain method of V. D. Blondel, J.-L. Guillaume, R. Lambiotte
 * and E. Lefebvre, "Fast unfolding of communities in large networks", J. Stat. Mech. (2008) P10008,
 * with the queue-based local moving of Leiden instead of repeated sweeps; its communities can be
 * disconnected.
 *
 * <h2>Determinism</h2>
 * Runs on one thread, and every random choice comes from one {@link SplittableRandom} seeded with
 * {@link LeidenParameters#seed()}: the same graph and parameters give the same partition, on any
 * machine.
 *
 * <h2>Cost</h2>
 * A local-moving phase costs {@code O(m)} per round of the queue, a refinement and an aggregation
 * {@code O(m)} each, on a graph that shrinks from level to level; a pass is typically a few times the
 * cost of reading the graph. Memory besides the {@link UndirectedGraph} (24 bytes per undirected edge):
 * about {@code 70n} bytes of per-vertex scratch, plus the aggregate graphs, each at most as large as
 * the graph of the level before (in practice the first aggregate is already several times smaller).
 * Single-threaded, so memory does not grow with threads. On the 1M-vertex graph of 10M edge records
 * of {@code CommunityBench} (bench module) the default two passes take about 15 s, the first pass
 * three quarters of it; each further pass about 3.5 s; the Louvain variant about 9 s.
 *
 * <p>An instance holds only configuration, is immutable, and may run on many graphs, concurrently.
 */
public final class Leiden {

    /** The phase names given to the {@link ProgressListener}. */
    public static final String PHASE_LEIDEN = "leiden";
    public static final String PHASE_LOUVAIN = "louvain";

    private final LeidenParameters parameters;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;

    public Leiden(LeidenParameters parameters) {
        this(Objects.requireNonNull(parameters, "parameters"), ProgressListener.NONE, () -> false);
    }

    private Leiden(LeidenParameters parameters, ProgressListener progress, BooleanSupplier cancelled) {
        this.parameters = parameters;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /** Runs with the given parameters and nothing else: the common case. */
    public static Partition compute(CompactGraph graph, LeidenParameters parameters) {
        return new Leiden(parameters).run(graph);
    }

    /**
     * The same algorithm, reporting after every pass: the phase ({@value #PHASE_LEIDEN} or
     * {@value #PHASE_LOUVAIN}), the pass number and the number of vertex moves made by its
     * local-moving phases (0 on the last pass of a converged run).
     */
    public Leiden withProgress(ProgressListener listener) {
        return new Leiden(parameters, Objects.requireNonNull(listener, "listener"), cancelled);
    }

    /**
     * The same algorithm, checking {@code isCancelled} before every level; once it returns true,
     * {@link #run} throws a {@link CancellationException}.
     */
    public Leiden withCancellation(BooleanSupplier isCancelled) {
        return new Leiden(parameters, progress, Objects.requireNonNull(isCancelled, "isCancelled"));
    }

    public LeidenParameters parameters() {
        return parameters;
    }

    /** Finds the communities of the undirected graph of {@code graph}. */
    public Partition run(CompactGraph graph) {
        return run(UndirectedGraph.of(Objects.requireNonNull(graph, "graph")));
    }

    /**
     * Finds the communities of {@code graph}.
     *
     * @throws CancellationException if cancelled (see {@link #withCancellation})
     */
    public Partition run(UndirectedGraph graph) {
        Objects.requireNonNull(graph, "graph");
        Partition.Algorithm algorithm = parameters.refinement() ? Partition.Algorithm.LEIDEN : Partition.Algorithm.LOUVAIN;
        final int n = graph.vertexCount();
        int[] membership = new int[n];
        for (int v = 0; v < n; v++) {
            membership[v] = v;
        }
        if (n == 0 || graph.totalWeight() == 0) {
            // Nothing to gain: every vertex stays alone.
            return Partition.build(graph, membership, parameters.resolution(), algorithm, parameters, 1, 1, true);
        }
        Run run = new Run(graph, parameters, cancelled);
        String phase = parameters.refinement() ? PHASE_LEIDEN : PHASE_LOUVAIN;
        int pass = 0;
        boolean converged = false;
        while (pass < parameters.maxIterations()) {
            long moved = run.pass(membership);
            pass++;
            progress.onIteration(phase, pass, moved);
            if (moved == 0) {
                converged = true;
                break;
            }
        }
        return Partition.build(graph, membership, parameters.resolution(), algorithm, parameters, pass,
                run.lastLevels, converged);
    }

    /** One level's graph: adjacency without self-loops, and every vertex's weighted degree. */
    private record Level(int n, int[] offsets, int[] neighbours, double[] weights, double[] strength) {
    }

    /** The state of one computation: the random source and the scratch arrays, allocated once. */
    private static final class Run {
        private final Level base;
        private final double gamma;
        private final double twoM;
        private final double theta;
        private final boolean refinement;
        private final BooleanSupplier cancelled;
        private final SplittableRandom random;

        // Scratch, sized for level 0 and used as prefixes on smaller levels.
        private final double[] weightTo;
        private final int[] touched;
        private final double[] gains;
        private final int[] queue;
        private final boolean[] queued;
        private final double[] communityStrength;
        private final int[] communitySize;
        private final int[] emptyCommunities;
        private final int[] order;
        private final int[] nodeOf;
        private final int[] refined;
        private final double[] refinedStrength;
        private final int[] refinedSize;
        private final double[] refinedExternal;
        private final double[] insideWeight;

        int lastLevels;

        Run(UndirectedGraph graph, LeidenParameters parameters, BooleanSupplier cancelled) {
            int n = graph.vertexCount();
            this.base = new Level(n, graph.offsets(), graph.neighbours(), graph.weights(), graph.strengths());
            this.gamma = parameters.resolution();
            this.twoM = 2 * graph.totalWeight();
            this.theta = parameters.randomness();
            this.refinement = parameters.refinement();
            this.cancelled = cancelled;
            this.random = new SplittableRandom(parameters.seed());
            weightTo = new double[n];
            touched = new int[n];
            gains = new double[n];
            queue = new int[n];
            queued = new boolean[n];
            communityStrength = new double[n];
            communitySize = new int[n];
            emptyCommunities = new int[n];
            order = new int[n];
            nodeOf = new int[n];
            refined = new int[n];
            refinedStrength = new double[n];
            refinedSize = new int[n];
            refinedExternal = new double[n];
            insideWeight = new double[n];
        }

        /**
         * One pass of the algorithm from the partition {@code membership} of the original vertices,
         * which it replaces by the improved one; returns the number of vertex moves made.
         */
        long pass(int[] membership) {
            final int n0 = base.n;
            Level level = base;
            int[] community = membership.clone();
            renumber(community, n0);
            for (int v = 0; v < n0; v++) {
                nodeOf[v] = v;
            }
            long moved = 0;
            int levels = 0;
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("community detection cancelled at level " + (levels + 1));
                }
                levels++;
                moved += moveNodes(level, community);
                int communities = renumber(community, level.n);
                if (communities == level.n) {
                    break;
                }
                int[] aggregateOf;
                int aggregates;
                if (refinement) {
                    aggregateOf = refine(level, community);
                    aggregates = renumber(aggregateOf, level.n);
                    if (aggregates == level.n) {
                        break;
                    }
                } else {
                    aggregateOf = community.clone();
                    aggregates = communities;
                }
                Level next = aggregate(level, aggregateOf, aggregates);
                int[] nextCommunity = new int[aggregates];
                for (int v = 0; v < level.n; v++) {
                    nextCommunity[aggregateOf[v]] = community[v];
                }
                for (int v = 0; v < n0; v++) {
                    nodeOf[v] = aggregateOf[nodeOf[v]];
                }
                level = next;
                community = nextCommunity;
            }
            for (int v = 0; v < n0; v++) {
                membership[v] = community[nodeOf[v]];
            }
            lastLevels = levels;
            return moved;
        }

        /** Fast local moving (Traag et al., Algorithm A.2, MoveNodesFast); returns the moves made. */
        private long moveNodes(Level level, int[] community) {
            final int n = level.n;
            final int[] offsets = level.offsets;
            final int[] neighbours = level.neighbours;
            final double[] weights = level.weights;
            final double[] strength = level.strength;
            final double[] w = weightTo;
            final double[] total = communityStrength;
            final int[] size = communitySize;
            Arrays.fill(total, 0, n, 0.0);
            Arrays.fill(size, 0, n, 0);
            for (int v = 0; v < n; v++) {
                total[community[v]] += strength[v];
                size[community[v]]++;
            }
            int empties = 0;
            for (int c = n - 1; c >= 0; c--) {
                if (size[c] == 0) {
                    emptyCommunities[empties++] = c;
                }
            }
            shuffledIdentity(queue, n);
            Arrays.fill(queued, 0, n, true);
            int head = 0;
            int count = n;
            long moved = 0;
            while (count > 0) {
                final int v = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                count--;
                queued[v] = false;

                final int current = community[v];
                final double k = strength[v];
                int found = 0;
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    int c = community[neighbours[e]];
                    if (w[c] == 0) {
                        touched[found++] = c;
                    }
                    w[c] += weights[e];
                }
                total[current] -= k;
                size[current]--;
                if (size[current] == 0) {
                    total[current] = 0; // no rounding residue in an empty community
                }
                final double scale = gamma * k / twoM;
                int best = current;
                double bestGain = w[current] - scale * total[current];
                for (int i = 0; i < found; i++) {
                    int c = touched[i];
                    double gain = w[c] - scale * total[c];
                    if (gain > bestGain) {
                        best = c;
                        bestGain = gain;
                    }
                }
                boolean toEmpty = bestGain < 0 && size[current] > 0;
                if (toEmpty) {
                    best = emptyCommunities[--empties];
                }
                total[best] += k;
                size[best]++;
                if (best != current) {
                    if (size[current] == 0) {
                        emptyCommunities[empties++] = current;
                    }
                    community[v] = best;
                    moved++;
                    for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                        int u = neighbours[e];
                        if (!queued[u] && community[u] != best) {
                            queued[u] = true;
                            int tail = head + count;
                            queue[tail >= n ? tail - n : tail] = u;
                            count++;
                        }
                    }
                }
                for (int i = 0; i < found; i++) {
                    w[touched[i]] = 0;
                }
            }
            return moved;
        }

        /**
         * The refinement (Traag et al., Algorithms A.3–A.4, RefinePartition and MergeNodesSubset):
         * returns every vertex's sub-community, a vertex id, within its community.
         */
        private int[] refine(Level level, int[] community) {
            final int n = level.n;
            final int[] offsets = level.offsets;
            final int[] neighbours = level.neighbours;
            final double[] weights = level.weights;
            final double[] strength = level.strength;
            final double[] w = weightTo;
            final double[] total = communityStrength;
            Arrays.fill(total, 0, n, 0.0);
            for (int v = 0; v < n; v++) {
                total[community[v]] += strength[v];
                refined[v] = v;
                refinedStrength[v] = strength[v];
                refinedSize[v] = 1;
                double inside = 0;
                int c = community[v];
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    if (community[neighbours[e]] == c) {
                        inside += weights[e];
                    }
                }
                insideWeight[v] = inside;
                refinedExternal[v] = inside;
            }
            shuffledIdentity(order, n);
            for (int i = 0; i < n; i++) {
                final int v = order[i];
                if (refined[v] != v || refinedSize[v] != 1) {
                    continue;
                }
                final int c = community[v];
                final double k = strength[v];
                final double totalC = total[c];
                if (insideWeight[v] < gamma * k * (totalC - k) / twoM) {
                    continue;
                }
                int found = 0;
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    int u = neighbours[e];
                    if (community[u] != c) {
                        continue;
                    }
                    int r = refined[u];
                    if (w[r] == 0) {
                        touched[found++] = r;
                    }
                    w[r] += weights[e];
                }
                final double scale = gamma * k / twoM;
                double maxGain = 0;
                for (int j = 0; j < found; j++) {
                    int r = touched[j];
                    double kr = refinedStrength[r];
                    double gain = w[r] - scale * kr;
                    boolean wellConnected = refinedExternal[r] >= gamma * kr * (totalC - kr) / twoM;
                    gains[j] = wellConnected && gain >= 0 ? gain : Double.NaN;
                    if (gain > maxGain && wellConnected) {
                        maxGain = gain;
                    }
                }
                int chosen = v;
                if (found > 0) {
                    double sum = Math.exp(-maxGain / theta);
                    for (int j = 0; j < found; j++) {
                        if (!Double.isNaN(gains[j])) {
                            sum += Math.exp((gains[j] - maxGain) / theta);
                        }
                    }
                    double x = random.nextDouble() * sum - Math.exp(-maxGain / theta);
                    for (int j = 0; j < found && x >= 0; j++) {
                        if (!Double.isNaN(gains[j])) {
                            x -= Math.exp((gains[j] - maxGain) / theta);
                            if (x < 0) {
                                chosen = touched[j];
                            }
                        }
                    }
                }
                if (chosen != v) {
                    refined[v] = chosen;
                    refinedStrength[chosen] += k;
                    refinedSize[chosen]++;
                    refinedExternal[chosen] += insideWeight[v] - 2 * w[chosen];
                    refinedStrength[v] = 0;
                    refinedSize[v] = 0;
                }
                for (int j = 0; j < found; j++) {
                    w[touched[j]] = 0;
                }
            }
            return refined.clone();
        }

        /** The graph whose vertices are the groups of {@code groupOf}: weights between groups summed. */
        private Level aggregate(Level level, int[] groupOf, int groups) {
            final int n = level.n;
            final int[] offsets = level.offsets;
            final int[] neighbours = level.neighbours;
            final double[] weights = level.weights;
            final double[] w = weightTo;
            int[] start = new int[groups + 1];
            for (int v = 0; v < n; v++) {
                start[groupOf[v] + 1]++;
            }
            for (int g = 0; g < groups; g++) {
                start[g + 1] += start[g];
            }
            int[] members = new int[n];
            int[] cursor = Arrays.copyOf(start, groups);
            for (int v = 0; v < n; v++) {
                members[cursor[groupOf[v]]++] = v;
            }
            double[] strength = new double[groups];
            int[] newOffsets = new int[groups + 1];
            int[] newNeighbours = new int[neighbours.length];
            double[] newWeights = new double[neighbours.length];
            int p = 0;
            for (int g = 0; g < groups; g++) {
                newOffsets[g] = p;
                int found = 0;
                double s = 0;
                for (int i = start[g]; i < start[g + 1]; i++) {
                    int v = members[i];
                    s += level.strength[v];
                    for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                        int h = groupOf[neighbours[e]];
                        if (h == g) {
                            continue;
                        }
                        if (w[h] == 0) {
                            touched[found++] = h;
                        }
                        w[h] += weights[e];
                    }
                }
                strength[g] = s;
                for (int j = 0; j < found; j++) {
                    int h = touched[j];
                    newNeighbours[p] = h;
                    newWeights[p] = w[h];
                    p++;
                    w[h] = 0;
                }
            }
            newOffsets[groups] = p;
            return new Level(groups, newOffsets, Arrays.copyOf(newNeighbours, p),
                    Arrays.copyOf(newWeights, p), strength);
        }

        /** Renumbers {@code labels[0..n)} (each in {@code [0, n)}) to {@code 0..k-1} in order of first appearance; returns {@code k}. */
        private int renumber(int[] labels, int n) {
            int[] map = touched; // free between phases
            Arrays.fill(map, 0, n, -1);
            int k = 0;
            for (int v = 0; v < n; v++) {
                int l = labels[v];
                if (map[l] < 0) {
                    map[l] = k++;
                }
                labels[v] = map[l];
            }
            return k;
        }

        private void shuffledIdentity(int[] a, int n) {
            for (int i = 0; i < n; i++) {
                a[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
    }
}
