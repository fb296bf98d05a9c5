package org.relais.analytics.algo.explain;

import java.util.Arrays;

/** Picks the positions of the largest values, ties by smaller id, without boxing. */
final class TopK {

    private TopK() {
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
}
