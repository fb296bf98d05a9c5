package org.relais.app;

import java.util.ArrayList;
import java.util.List;
import org.relais.ingest.util.Printable;

/** A plain-text table with aligned columns, for the ranking printed at the end of a run. */
final class ConsoleTable {

    private final List<String> header;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    ConsoleTable(List<String> header, List<Boolean> rightAligned) {
        this.header = header;
        this.rightAligned = rightAligned;
    }

    /** Adds a row; its cells come from the input, so they are made {@link Printable}. */
    ConsoleTable add(List<String> row) {
        rows.add(row.stream().map(Printable::of).toList());
        return this;
    }

    String render() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).codePointCount(0, r.get(i).length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(sb, rule, width);
        rows.forEach(r -> line(sb, r, width));
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.codePointCount(0, c.length()));
            sb.append(i == 0 ? "" : "  ").append(rightAligned.get(i) ? pad + c : c + pad);
        }
        sb.append(System.lineSeparator());
    }
}
