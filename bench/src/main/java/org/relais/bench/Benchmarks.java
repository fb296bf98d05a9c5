package org.relais.bench;

/** Placeholder until the first benchmark lands. */
final class Benchmarks {
    private Benchmarks() {
    }
}
