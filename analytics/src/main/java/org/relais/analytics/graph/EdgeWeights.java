package org.relais.analytics.graph;

/**
 * The {@code float} weights of a {@link CompactGraph}'s edges, one per edge slot, in one of two
 * layouts chosen when the graph is built:
 * <ul>
 *   <li><em>coded</em>, when the graph has at most {@value #MAX_CODES} distinct weights: a
 *       {@code char} per edge indexing a table of the distinct values, 2 bytes per edge. Interaction
 *       graphs are nearly always so, since a weight is a count of interactions times the weight of
 *       their type, and counts are small;</li>
 *   <li><em>plain</em> otherwise: a {@code float} per edge, 4 bytes.</li>
 * </ul>
 * Both give the same values: a coded weight is the very {@code float} the plain layout would hold.
 * Algorithms read them through {@link #get(int)} in their inner loops: the JIT inlines it, and the
 * layout test gives the same answer at every call. Testing the layout once per vertex in PageRank's
 * loop and reading the arrays directly was tried and was not faster.
 *
 * <p>Immutable through its public methods, and safe to share between threads.
 */
public final class EdgeWeights {

    /** The most distinct weights the coded layout holds: as many as a {@code char} can index. */
    public static final int MAX_CODES = 1 << 16;

    private final float[] values;
    private final char[] codes;
    private final float[] table;

    private EdgeWeights(float[] values, char[] codes, float[] table) {
        this.values = values;
        this.codes = codes;
        this.table = table;
    }

    /** Plain layout: {@code values[e]} is the weight of slot {@code e}. The array is kept, not copied. */
    static EdgeWeights plain(float[] values) {
        return new EdgeWeights(values, null, null);
    }

    /** Coded layout: {@code table[codes[e]]} is the weight of slot {@code e}. The arrays are kept, not copied. */
    static EdgeWeights coded(char[] codes, float[] table) {
        return new EdgeWeights(null, codes, table);
    }

    /** The weight of edge slot {@code e}. */
    public float get(int e) {
        return codes != null ? table[codes[e]] : values[e];
    }

    /** The number of edge slots. */
    public int length() {
        return codes != null ? codes.length : values.length;
    }

    /** Whether the weights are held as codes into a table of distinct values. */
    public boolean isCoded() {
        return codes != null;
    }

    /** The number of distinct weights in the table, or -1 for the plain layout. */
    public int distinctWeights() {
        return codes != null ? table.length : -1;
    }

    /**
     * An empty set of weights of the same layout and table, for {@code length} slots that the
     * caller fills with {@link #copy}.
     */
    EdgeWeights emptyLike(int length) {
        return codes != null ? new EdgeWeights(null, new char[length], table) : new EdgeWeights(new float[length], null, null);
    }

    /** Sets slot {@code to} of {@code target} (made by {@link #emptyLike}) to this one's slot {@code from}. */
    void copy(int from, EdgeWeights target, int to) {
        if (codes != null) {
            target.codes[to] = codes[from];
        } else {
            target.values[to] = values[from];
        }
    }

    /** The bytes of the arrays, with 16 bytes of header each; a shared table is counted by each user. */
    long memoryBytes() {
        return codes != null ? 16 + 2L * codes.length + 16 + 4L * table.length : 16 + 4L * values.length;
    }

    /**
     * The first {@code m} weights of {@code weights}, each rounded to {@code float}, coded when they
     * hold at most {@value #MAX_CODES} distinct values, else plain.
     */
    static EdgeWeights of(double[] weights, int m) {
        // Open addressing on the float's bits: twice as many slots as the most codes, so probes stay short.
        int[] slotKey = new int[2 * MAX_CODES];
        int[] slotCode = new int[2 * MAX_CODES];
        java.util.Arrays.fill(slotCode, -1);
        float[] table = new float[16];
        int distinct = 0;
        char[] codes = new char[m];
        int mask = slotKey.length - 1;
        for (int e = 0; e < m; e++) {
            float w = (float) weights[e];
            int bits = Float.floatToRawIntBits(w);
            int slot = (bits * 0x9E3779B9) >>> 15 & mask;
            while (slotCode[slot] >= 0 && slotKey[slot] != bits) {
                slot = (slot + 1) & mask;
            }
            int code = slotCode[slot];
            if (code < 0) {
                if (distinct == MAX_CODES) {
                    return plain(floats(weights, m));
                }
                code = distinct++;
                slotKey[slot] = bits;
                slotCode[slot] = code;
                if (code == table.length) {
                    table = java.util.Arrays.copyOf(table, table.length * 2);
                }
                table[code] = w;
            }
            codes[e] = (char) code;
        }
        return coded(codes, java.util.Arrays.copyOf(table, distinct));
    }

    /** The first {@code m} weights, each rounded to {@code float}. */
    static float[] floats(double[] weights, int m) {
        float[] values = new float[m];
        for (int e = 0; e < m; e++) {
            values[e] = (float) weights[e];
        }
        return values;
    }
}
