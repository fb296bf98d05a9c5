package org.relais.analytics.algo.betweenness;

/**
 * A binary min-heap of vertices keyed by an external {@code double[]} (the tentative distances),
 * with decrease-key, on primitive arrays: Dijkstra's priority queue, allocated once per thread and
 * reused for every source. {@code 8n} bytes.
 */
final class IndexedMinHeap {

    private final int[] heap;
    /** Where each vertex sits in {@link #heap}, or -1 when it is not in the heap. */
    private final int[] position;
    private final double[] keys;
    private int size;

    IndexedMinHeap(int n, double[] keys) {
        this.heap = new int[n];
        this.position = new int[n];
        java.util.Arrays.fill(position, -1);
        this.keys = keys;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(int v) {
        return position[v] >= 0;
    }

    /** Adds {@code v}, whose key is already in the key array. */
    void insert(int v) {
        heap[size] = v;
        position[v] = size;
        siftUp(size++);
    }

    /** Restores the order after the key of {@code v}, which is in the heap, was lowered. */
    void decreased(int v) {
        siftUp(position[v]);
    }

    int pollMin() {
        int min = heap[0];
        position[min] = -1;
        size--;
        if (size > 0) {
            int last = heap[size];
            heap[0] = last;
            position[last] = 0;
            siftDown(0);
        }
        return min;
    }

    /** Empties the heap in time proportional to its size. */
    void clear() {
        for (int i = 0; i < size; i++) {
            position[heap[i]] = -1;
        }
        size = 0;
    }

    private void siftUp(int i) {
        int v = heap[i];
        double key = keys[v];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (keys[p] <= key) {
                break;
            }
            heap[i] = p;
            position[p] = i;
            i = parent;
        }
        heap[i] = v;
        position[v] = i;
    }

    private void siftDown(int i) {
        int v = heap[i];
        double key = keys[v];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = heap[child];
            int right = child + 1;
            if (right < size && keys[heap[right]] < keys[c]) {
                child = right;
                c = heap[child];
            }
            if (key <= keys[c]) {
                break;
            }
            heap[i] = c;
            position[c] = i;
            i = child;
        }
        heap[i] = v;
        position[v] = i;
    }
}
