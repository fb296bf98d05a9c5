package org.relais.analytics.measures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive top-k and full order give exactly the order of a plain boxed sort, ties included. */
class TopVerticesTest {

    /** The reference: every vertex boxed and sorted by score descending, ties by vertex ascending. */
    private static int[] reference(double[] scores, int k) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(scores[b], scores[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void randomScoresWithManyTiesGiveTheReferenceOrderForEveryK() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(60);
            int distinct = 1 + random.nextInt(6);
            double[] scores = new double[n];
            for (int v = 0; v < n; v++) {
                scores[v] = random.nextInt(distinct) / 4.0;
            }
            for (int k = 0; k <= n; k++) {
                assertArrayEquals(reference(scores, k), MeasureSuite.topVertices(scores, k),
                        "top " + k + " of " + Arrays.toString(scores));
            }
            assertArrayEquals(reference(scores, n), MeasureSuite.verticesByScore(scores));
        }
    }

    @Test
    void largeInputsWithTiesGiveTheReferenceOrderOnBothPaths() {
        Random random = new Random(11);
        double[] scores = new double[100_000];
        for (int v = 0; v < scores.length; v++) {
            scores[v] = random.nextInt(1000) * 1e-6;
        }
        scores[17] = 0.0;
        scores[18] = -0.0;
        scores[19] = Double.NaN;
        for (int k : new int[] {1, 100, 5_000, 50_000, 50_001, 99_999, 100_000}) {
            assertArrayEquals(reference(scores, k), MeasureSuite.topVertices(scores, k), "top " + k);
        }
        assertArrayEquals(reference(scores, scores.length), MeasureSuite.verticesByScore(scores));
    }

    @Test
    void kOutsideZeroToNIsRefused() {
        double[] scores = {0.5, 0.25, 0.25};
        assertEquals("k was 4, but must be in [0, 3]",
                assertThrows(IllegalArgumentException.class, () -> MeasureSuite.topVertices(scores, 4)).getMessage());
        assertEquals("k was -1, but must be in [0, 3]",
                assertThrows(IllegalArgumentException.class, () -> MeasureSuite.topVertices(scores, -1)).getMessage());
        assertArrayEquals(new int[0], MeasureSuite.topVertices(new double[0], 0));
    }
}
