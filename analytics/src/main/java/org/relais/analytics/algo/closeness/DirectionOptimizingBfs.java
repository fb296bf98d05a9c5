package org.relais.analytics.algo.closeness;

import java.util.Arrays;

/**
 * A breadth-first search that records every reached vertex's distance, switching between top-down
 * steps (scan the frontier's edges) and bottom-up steps (let every unreached vertex look for a
 * parent in the frontier, stopping at the first) as Beamer, Asanović and Patterson propose
 * ("Direction-optimizing breadth-first search", SC 2012). On graphs with skewed degrees the middle
 * levels hold most vertices, and bottom-up steps then check a fraction of the edges.
 *
 * <p>Switching rule (theirs, with their constants): go bottom-up when the frontier's edges exceed
 * 1/14 of the edges of the unreached vertices, and back top-down when the frontier holds fewer than
 * {@code n / 24} vertices. A bottom-up step costs a pass over all vertices, so it is also never taken
 * for a frontier that small (at the tail of a search, where few edges are left unreached). The
 * distances do not depend on the steps taken.
 *
 * <p>One instance per thread, reused for every search: {@code 8n} bytes. Distances are valid for the
 * vertices listed by {@link #reached(int)} until the next {@link #run}.
 */
final class DirectionOptimizingBfs {

    private static final int ALPHA = 14;
    private static final int BETA = 24;

    private final int[] dist;
    private final int[] queue;

    DirectionOptimizingBfs(int n) {
        dist = new int[n];
        Arrays.fill(dist, -1);
        queue = new int[n];
    }

    /**
     * Searches from {@code source} along {@code offsets/neighbours} ({@code reverseOffsets/reverseNeighbours}
     * must be the same edges reversed) and returns how many vertices it reached, the source included.
     * The reached vertices are {@code reached(0..count-1)}, in non-decreasing distance.
     */
    int run(int source, int[] offsets, int[] neighbours, int[] reverseOffsets, int[] reverseNeighbours) {
        final int[] d = dist;
        final int[] q = queue;
        final int n = d.length;
        // Forget the previous search.
        for (int i = 0; i < lastCount; i++) {
            d[q[i]] = -1;
        }
        d[source] = 0;
        q[0] = source;
        int start = 0;
        int end = 1;
        int level = 0;
        long unreachedEdges = offsets[n] - (offsets[source + 1] - offsets[source]);
        long frontierEdges = offsets[source + 1] - offsets[source];
        boolean bottomUp = false;
        bottomUpSteps = 0;
        while (start < end) {
            int next = level + 1;
            int tail = end;
            int frontierSize = end - start;
            boolean smallFrontier = (long) frontierSize * BETA < n;
            if (!bottomUp && frontierEdges * ALPHA > unreachedEdges && !smallFrontier) {
                bottomUp = true;
            } else if (bottomUp && smallFrontier) {
                bottomUp = false;
            }
            long nextEdges = 0;
            if (bottomUp) {
                bottomUpSteps++;
                for (int v = 0; v < n; v++) {
                    if (d[v] < 0) {
                        for (int e = reverseOffsets[v], stop = reverseOffsets[v + 1]; e < stop; e++) {
                            if (d[reverseNeighbours[e]] == level) {
                                d[v] = next;
                                q[tail++] = v;
                                nextEdges += offsets[v + 1] - offsets[v];
                                break;
                            }
                        }
                    }
                }
            } else {
                for (int i = start; i < end; i++) {
                    int x = q[i];
                    for (int e = offsets[x], stop = offsets[x + 1]; e < stop; e++) {
                        int y = neighbours[e];
                        if (d[y] < 0) {
                            d[y] = next;
                            q[tail++] = y;
                            nextEdges += offsets[y + 1] - offsets[y];
                        }
                    }
                }
            }
            unreachedEdges -= nextEdges;
            frontierEdges = nextEdges;
            start = end;
            end = tail;
            level = next;
        }
        lastCount = end;
        return end;
    }

    private int lastCount;
    private int bottomUpSteps;

    /** How many levels of the last search were found bottom-up (for tests). */
    int bottomUpSteps() {
        return bottomUpSteps;
    }

    /** The {@code i}-th vertex reached by the last search. */
    int reached(int i) {
        return queue[i];
    }

    /** The distance of a vertex reached by the last search. */
    int distance(int vertex) {
        return dist[vertex];
    }

    /** The reached vertices of the last search, in non-decreasing distance (shared array; read-only). */
    int[] reachedArray() {
        return queue;
    }

    /** The distances (shared array; read-only; -1 = not reached). */
    int[] distanceArray() {
        return dist;
    }
}
