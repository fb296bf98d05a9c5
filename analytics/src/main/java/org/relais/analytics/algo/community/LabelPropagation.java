package org.relais.analytics.algo.community;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.graph.CompactGraph;

/**
 * Communities by label propagation, on the {@link UndirectedGraph} of the interaction graph: fast,
 * with no objective, a cross-check for {@link Leiden}.
 *
 * <h2>Variant</h2>
 * The asynchronous, weighted label propagation of U. N. Raghavan, R. Albert and S. Kumara, "Near
 * linear time algorithm to detect community structures in large-scale networks", Phys. Rev. E 76,
 * 036106 (2007). Every vertex starts with its own label. A sweep visits the vertices in a fresh
 * seeded random order; each takes the label carried by the largest total edge weight among its
 * neighbours, updated in place, so later vertices of the sweep see it (asynchronous updates, which
 * avoid the oscillations of synchronous ones on bipartite structures). If its current label is among
 * the heaviest it keeps it; otherwise ties are broken uniformly at random. The run stops after a sweep
 * that changes no label: then every vertex holds a label of maximal weight among its neighbours, the
 * paper's stopping criterion. Isolated vertices keep their own label. Weights are compared exactly, so
 * sums that differ only by rounding are not ties.
 *
 * <h2>Determinism and cost</h2>
 * One thread, one {@link SplittableRandom} seeded with {@link LabelPropagationParameters#seed()}:
 * the same graph and parameters give the same partition. A sweep reads every edge twice (once from
 * each end), {@code O(m)}; memory besides the undirected graph is {@code 24n} bytes (labels, order,
 * per-label weight scratch, touched labels), not growing with threads.
 *
 * <p>An instance holds only configuration, is immutable, and may run on many graphs, concurrently.
 */
public final class LabelPropagation {

    /** The phase name given to the {@link ProgressListener}. */
    public static final String PHASE = "label-propagation";

    private final LabelPropagationParameters parameters;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;

    public LabelPropagation(LabelPropagationParameters parameters) {
        this(Objects.requireNonNull(parameters, "parameters"), ProgressListener.NONE, () -> false);
    }

    private LabelPropagation(LabelPropagationParameters parameters, ProgressListener progress,
                             BooleanSupplier cancelled) {
        this.parameters = parameters;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    public static Partition compute(CompactGraph graph, LabelPropagationParameters parameters) {
        return new LabelPropagation(parameters).run(graph);
    }

    /** The same algorithm, reporting after every sweep the number of labels it changed. */
    public LabelPropagation withProgress(ProgressListener listener) {
        return new LabelPropagation(parameters, Objects.requireNonNull(listener, "listener"), cancelled);
    }

    /** The same algorithm, checking {@code isCancelled} before every sweep. */
    public LabelPropagation withCancellation(BooleanSupplier isCancelled) {
        return new LabelPropagation(parameters, progress, Objects.requireNonNull(isCancelled, "isCancelled"));
    }

    public LabelPropagationParameters parameters() {
        return parameters;
    }

    public Partition run(CompactGraph graph) {
        return run(UndirectedGraph.of(Objects.requireNonNull(graph, "graph")));
    }

    /**
     * @throws CancellationException if cancelled (see {@link #withCancellation})
     */
    public Partition run(UndirectedGraph graph) {
        Objects.requireNonNull(graph, "graph");
        final int n = graph.vertexCount();
        final int[] offsets = graph.offsets();
        final int[] neighbours = graph.neighbours();
        final double[] weights = graph.weights();
        final int[] labels = new int[n];
        final int[] order = new int[n];
        final double[] weightOf = new double[n];
        final int[] touched = new int[n];
        for (int v = 0; v < n; v++) {
            labels[v] = v;
            order[v] = v;
        }
        SplittableRandom random = new SplittableRandom(parameters.seed());
        int sweeps = 0;
        boolean converged = false;
        while (sweeps < parameters.maxIterations()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("label propagation cancelled after " + sweeps + " sweeps");
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            long changed = 0;
            for (int i = 0; i < n; i++) {
                final int v = order[i];
                final int start = offsets[v];
                final int end = offsets[v + 1];
                if (start == end) {
                    continue;
                }
                int found = 0;
                double max = 0;
                for (int e = start; e < end; e++) {
                    int l = labels[neighbours[e]];
                    if (weightOf[l] == 0) {
                        touched[found++] = l;
                    }
                    double w = weightOf[l] += weights[e];
                    if (w > max) {
                        max = w;
                    }
                }
                int current = labels[v];
                if (weightOf[current] != max) {
                    int ties = 0;
                    for (int j = 0; j < found; j++) {
                        if (weightOf[touched[j]] == max) {
                            ties++;
                        }
                    }
                    int pick = ties == 1 ? 0 : random.nextInt(ties);
                    for (int j = 0; j < found; j++) {
                        if (weightOf[touched[j]] == max && pick-- == 0) {
                            labels[v] = touched[j];
                            break;
                        }
                    }
                    changed++;
                }
                for (int j = 0; j < found; j++) {
                    weightOf[touched[j]] = 0;
                }
            }
            sweeps++;
            progress.onIteration(PHASE, sweeps, changed);
            if (changed == 0) {
                converged = true;
                break;
            }
        }
        return Partition.build(graph, labels, parameters.resolution(), Partition.Algorithm.LABEL_PROPAGATION,
                parameters, sweeps, 0, converged);
    }
}
