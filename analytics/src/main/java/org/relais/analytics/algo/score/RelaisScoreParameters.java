package org.relais.analytics.algo.score;

/**
 * The options of {@link RelaisScore}, validated when the record is made.
 *
 * @param decades how many tenfold steps of PageRank above the floor span the scale from 0 to 100:
 *                each tenfold step adds {@code 100 / decades} points; finite and {@code > 0}
 */
public record RelaisScoreParameters(double decades) {

    /**
     * 5: 20 points per tenfold step, 100 at 100,000 times the PageRank of an actor nobody relays.
     * Below about 15,000 actors no one can reach 100 (a PageRank is at most 1, the floor at least
     * {@code 0.15/N}); on the political-blogs network the top blog scores about 40.
     */
    public static final double DEFAULT_DECADES = 5;

    public RelaisScoreParameters {
        if (!(decades > 0 && decades < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("decades was " + decades + ", but must be finite and > 0");
        }
    }

    public static RelaisScoreParameters defaults() {
        return new RelaisScoreParameters(DEFAULT_DECADES);
    }

    public RelaisScoreParameters withDecades(double decades) {
        return new RelaisScoreParameters(decades);
    }
}
