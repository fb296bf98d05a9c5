package org.relais.analytics.algo.explain;

import java.util.Arrays;

/**
 * Why one vertex has the PageRank it has: the baseline every vertex gets (random jumps and the
 * score of dangling vertices) and the mass passed on by its largest contributors.
 *
 * <p>{@code baseline() + totalContributorMass()} is the vertex's score after one more PageRank
 * iteration, so it equals {@link #score()} at convergence (to the convergence tolerance);
 * {@link #residual()} says by how much it does not.
 */
public final class Explanation {

    private final int target;
    private final double score;
    private final double baseline;
    private final int[] contributors;
    private final double[] masses;
    private final double totalContributorMass;
    private final int contributorCount;

    Explanation(int target, double score, double baseline, int[] contributors, double[] masses,
                double totalContributorMass, int contributorCount) {
        this.target = target;
        this.score = score;
        this.baseline = baseline;
        this.contributors = contributors;
        this.masses = masses;
        this.totalContributorMass = totalContributorMass;
        this.contributorCount = contributorCount;
    }

    /** The vertex explained. */
    public int target() {
        return target;
    }

    /** Its PageRank, {@code PR(v)}. */
    public double score() {
        return score;
    }

    /** The mass from random jumps and dangling vertices: {@code ((1 − d) + d·D)·t(v)}, see {@link Explanations}. */
    public double baseline() {
        return baseline;
    }

    /** {@code baseline() / score()}. */
    public double baselineShare() {
        return baseline / score;
    }

    /** The number of top contributors listed (at most the K asked for). */
    public int size() {
        return contributors.length;
    }

    /** The {@code i}-th largest contributor (an in-neighbour), {@code i} from 0. */
    public int contributor(int i) {
        return contributors[i];
    }

    /** The mass {@code d·PR(u)·w(u,v)/W(u)} the {@code i}-th contributor passes on. */
    public double mass(int i) {
        return masses[i];
    }

    /** {@code mass(i) / score()}. */
    public double share(int i) {
        return masses[i] / score;
    }

    /** A copy of the listed contributors, by decreasing mass, ties by vertex. */
    public int[] contributors() {
        return contributors.clone();
    }

    /** A copy of their masses, parallel to {@link #contributors()}. */
    public double[] masses() {
        return masses.clone();
    }

    /** The mass passed on by all in-neighbours, listed or not. */
    public double totalContributorMass() {
        return totalContributorMass;
    }

    /** The number of in-neighbours, listed or not. */
    public int contributorCount() {
        return contributorCount;
    }

    /** The in-neighbours not listed among the top contributors. */
    public int otherContributors() {
        return contributorCount - contributors.length;
    }

    /** What the in-neighbours not listed pass on together: {@code totalContributorMass()} minus the listed masses. */
    public double otherMass() {
        double listed = 0;
        for (double m : masses) {
            listed += m;
        }
        return Math.max(0, totalContributorMass - listed);
    }

    /** {@code otherMass() / score()}. */
    public double otherShare() {
        return otherMass() / score;
    }

    /** {@code score() − baseline() − totalContributorMass()}: 0 at convergence, up to rounding. */
    public double residual() {
        return score - baseline - totalContributorMass;
    }

    @Override
    public String toString() {
        return "Explanation[target=" + target + ", score=" + score + ", baseline=" + baseline + ", top "
                + contributors.length + " of " + contributorCount + " contributors " + Arrays.toString(contributors)
                + ", masses " + Arrays.toString(masses) + ", all contributors " + totalContributorMass + "]";
    }
}
