package org.relais.analytics.algo.explain;

/** A stable merge sort of an {@code int[]} under a comparator of ints, so that index sorts need no boxing. */
final class IntMergeSort {

    /** Compares two ints. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntMergeSort() {
    }

    /** Sorts {@code a} in place, stably, in {@code O(n log n)} with {@code 4n} bytes of scratch. */
    static void sort(int[] a, IntComparator comparator) {
        int n = a.length;
        if (n < 2) {
            return;
        }
        int[] src = a;
        int[] dst = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    dst[k++] = comparator.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }
}
