package org.relais.analytics.algo.kcore;

/**
 * The core number of every vertex, with the figures of the undirected graph it was computed on.
 */
public final class CorenessResult {

    private final int[] coreness;
    private final int degeneracy;
    private final long undirectedEdgeCount;

    CorenessResult(int[] coreness, int degeneracy, long undirectedEdgeCount) {
        this.coreness = coreness;
        this.degeneracy = degeneracy;
        this.undirectedEdgeCount = undirectedEdgeCount;
    }

    public int vertexCount() {
        return coreness.length;
    }

    /** The largest {@code k} such that the vertex belongs to the k-core; 0 for an isolated vertex. */
    public int coreness(int vertex) {
        return coreness[vertex];
    }

    /** A copy of all core numbers, indexed by vertex. */
    public int[] corenesses() {
        return coreness.clone();
    }

    /** The largest core number (the graph's degeneracy); 0 for a graph without edges. */
    public int degeneracy() {
        return degeneracy;
    }

    /** How many undirected edges the directed graph collapsed to (pairs linked in either direction). */
    public long undirectedEdgeCount() {
        return undirectedEdgeCount;
    }

    /** The vertices of the k-core (core number {@code >= k}), ascending. */
    public int[] kCore(int k) {
        int count = 0;
        for (int c : coreness) {
            if (c >= k) {
                count++;
            }
        }
        int[] members = new int[count];
        int i = 0;
        for (int v = 0; v < coreness.length; v++) {
            if (coreness[v] >= k) {
                members[i++] = v;
            }
        }
        return members;
    }

    @Override
    public String toString() {
        return "CorenessResult[vertices=" + coreness.length + ", undirectedEdges=" + undirectedEdgeCount
                + ", degeneracy=" + degeneracy + "]";
    }
}
