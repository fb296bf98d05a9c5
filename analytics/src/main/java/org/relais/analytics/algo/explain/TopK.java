package org.relais.analytics.algo.explain;

import java.util.Arrays;

/**
 * Picks and orders the largest values without boxing: the vertices with the highest scores, and the
 * positions of the largest values of a small array. Every order is by value descending
 * ({@link Double#compare}, so NaN first and 0.0 before -0.0), ties by smaller vertex or id.
 */
public final class TopK {

    private TopK() {
    }

    /**
     * The {@code k} vertices with the highest {@code scores}, best first, ties by smaller vertex.
     * For {@code k} up to half of the {@code n} vertices a bounded heap of {@code k} vertices is kept
     * while scanning the scores once: {@code O(n log k)} time and {@code 4k} bytes. Above that the
     * vertices are sorted ({@link #order}).
     *
     * @param k in {@code [0, n]}
     * @throws IllegalArgumentException if {@code k} is outside {@code [0, n]}
     */
    public static int[] vertices(double[] scores, int k) {
        int n = scores.length;
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k was " + k + ", but must be in [0, " + n + "]");
        }
        if (k > n / 2) {
            return Arrays.copyOf(order(scores), k);
        }
        // A min-heap by rank: the root is the worst of the best k seen so far.
        int[] heap = new int[k];
        int size = 0;
        for (int v = 0; v < n && k > 0; v++) {
            if (size < k) {
                heap[size] = v;
                siftUp(heap, size++, scores);
            } else if (before(v, heap[0], scores)) {
                heap[0] = v;
                siftDown(heap, k, scores);
            }
        }
        IntMergeSort.sort(heap, (a, b) -> compare(a, b, scores));
        return heap;
    }

    /**
     * Every vertex, best first, ties by smaller vertex: {@code O(n log n)} time, {@code 8n} bytes
     * (the order and the merge sort's scratch).
     */
    public static int[] order(double[] scores) {
        int[] order = new int[scores.length];
        for (int v = 0; v < order.length; v++) {
            order[v] = v;
        }
        IntMergeSort.sort(order, (a, b) -> compare(a, b, scores));
        return order;
    }

    /**
     * The positions {@code i} of the {@code k} largest {@code values[i]}, largest first, ties by smaller
     * {@code ids[i]}. Sorts all positions: {@code O(c log c)} for {@code c} values.
     */
    static int[] largest(double[] values, int[] ids, int k) {
        int c = values.length;
        int[] positions = new int[c];
        for (int i = 0; i < c; i++) {
            positions[i] = i;
        }
        IntMergeSort.sort(positions, (a, b) -> {
            int byValue = Double.compare(values[b], values[a]);
            return byValue != 0 ? byValue : Integer.compare(ids[a], ids[b]);
        });
        return Arrays.copyOf(positions, k);
    }

    /** Negative when vertex {@code a} ranks before {@code b}. */
    private static int compare(int a, int b, double[] scores) {
        int byScore = Double.compare(scores[b], scores[a]);
        return byScore != 0 ? byScore : Integer.compare(a, b);
    }

    private static boolean before(int a, int b, double[] scores) {
        return compare(a, b, scores) < 0;
    }

    /** Moves the vertex at {@code i} up while it ranks after its parent. */
    private static void siftUp(int[] heap, int i, double[] scores) {
        int v = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(heap[parent], v, scores)) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = v;
    }

    /** Moves the root down while a child ranks after it. */
    private static void siftDown(int[] heap, int size, double[] scores) {
        int v = heap[0];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child], heap[child + 1], scores)) {
                child++;
            }
            if (!before(v, heap[child], scores)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = v;
    }
}
