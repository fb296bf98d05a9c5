package org.relais.bench;

/**
 * The positional arguments of a benchmark, each with its default when left out:
 * {@code new BenchArgs(args).integer(0, 1_000_000)}. Numbers may be written with underscores
 * ({@code 10_000_000}); one that does not parse stops the benchmark with its position and text.
 */
final class BenchArgs {

    private final String[] args;

    BenchArgs(String[] args) {
        this.args = args.clone();
    }

    int integer(int position, int fallback) {
        return given(position) ? Integer.parseInt(number(position)) : fallback;
    }

    long longInteger(int position, long fallback) {
        return given(position) ? Long.parseLong(number(position)) : fallback;
    }

    double decimal(int position, double fallback) {
        return given(position) ? Double.parseDouble(number(position)) : fallback;
    }

    String text(int position, String fallback) {
        return given(position) ? args[position] : fallback;
    }

    private boolean given(int position) {
        return position < args.length;
    }

    private String number(int position) {
        String text = args[position].replace("_", "");
        if (!text.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
            throw new IllegalArgumentException("argument " + (position + 1) + " must be a number, not " + args[position]);
        }
        return text;
    }
}
