package org.relais.ingest.config;

import java.util.List;

/** Configuration that cannot be used; lists every problem found, not only the first. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "configuration error: " + problems.get(0);
        }
        StringBuilder sb = new StringBuilder(problems.size() + " configuration errors:");
        for (String p : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(p);
        }
        return sb.toString();
    }
}
