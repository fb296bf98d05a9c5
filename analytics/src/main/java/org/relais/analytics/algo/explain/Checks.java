package org.relais.analytics.algo.explain;

import java.util.Objects;

/** Argument checks shared by the explanation measures, with messages that name the argument. */
final class Checks {

    private Checks() {
    }

    static void perVertex(double[] values, String name, int n) {
        Objects.requireNonNull(values, name);
        if (values.length != n) {
            throw new IllegalArgumentException(name + " had " + values.length
                    + " entries, but must have one per vertex: " + n);
        }
    }

    static void perVertex(int[] values, String name, int n) {
        Objects.requireNonNull(values, name);
        if (values.length != n) {
            throw new IllegalArgumentException(name + " had " + values.length
                    + " entries, but must have one per vertex: " + n);
        }
    }

    static void damping(double damping) {
        if (!(damping >= 0 && damping < 1)) {
            throw new IllegalArgumentException("damping was " + damping + ", but must be in [0, 1)");
        }
    }
}
