package org.relais.analytics.algo.work;

/**
 * Derives an independent seed for every work item from one run seed, so that a randomised
 * computation draws the same numbers for item {@code i} whichever thread runs it and in whatever
 * order: its result depends on the seed only, never on the thread count.
 */
public final class Seeds {

    private Seeds() {
    }

    /**
     * A well-mixed 64-bit seed for item {@code index} of a run seeded with {@code seed}: SplitMix64's
     * finaliser (Steele, Lea and Flood, OOPSLA 2014) applied twice, so that neighbouring indices or
     * seeds give unrelated streams.
     */
    public static long forItem(long seed, long index) {
        return mix(seed ^ mix(index + 0x9E3779B97F4A7C15L));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
