package org.relais.reports.html;

import java.util.List;

/**
 * The page being written: the document skeleton, sections, paragraphs and tables. Every method
 * that takes text escapes it, so sections hand over data as plain strings and never build markup
 * from it; the only markup added as is comes from this class and from {@link Charts}.
 */
final class Page {

    /**
     * No script, no network: nothing may load (no fonts, images, frames or connections), and only
     * the inline stylesheet applies. Even a name that escaped escaping could run nothing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'";

    private static final String STYLE = """
            :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --band: #f6f8fa;
                    --accent: #2f6f9f; --good: #1a7f37; --bad: #cf222e; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans",
                   sans-serif; color: var(--ink); background: #fff; }
            header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
            header { padding-top: 24px; border-bottom: 1px solid var(--line); }
            h1 { font-size: 26px; margin: 0 0 12px; }
            h2 { font-size: 20px; margin: 36px 0 8px; padding-top: 8px; border-top: 3px solid var(--accent); }
            h3 { font-size: 16px; margin: 20px 0 6px; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 16px; }
            dl.facts dt { color: var(--muted); }
            dl.facts dd { margin: 0; }
            .status { font-weight: 600; }
            .status-succeeded { color: var(--good); }
            .status-failed, .status-unknown { color: var(--bad); }
            nav ul { list-style: none; padding: 0; margin: 0 0 16px; display: flex; flex-wrap: wrap; gap: 4px 18px; }
            nav a { color: var(--accent); }
            p.note, figcaption { color: var(--muted); font-size: 13px; }
            p.missing { color: var(--muted); font-style: italic; }
            table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
            caption { text-align: left; font-weight: 600; padding: 4px 0; white-space: nowrap; }
            th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
            thead th { background: var(--band); border-bottom: 2px solid var(--line); }
            td:first-child { white-space: nowrap; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tbody tr:nth-child(even) { background: #fbfcfd; }
            .columns { display: flex; flex-wrap: wrap; gap: 0 32px; align-items: flex-start; }
            figure { margin: 8px 0 16px; }
            svg { max-width: 100%; height: auto; font-family: inherit; }
            footer { color: var(--muted); font-size: 13px; padding: 24px; border-top: 1px solid var(--line); margin-top: 36px; }
            """;

    /** A table column: its header and whether it holds numbers (right-aligned). */
    record Column(String header, boolean numeric) {

        static Column text(String header) {
            return new Column(header, false);
        }

        static Column number(String header) {
            return new Column(header, true);
        }
    }

    private final StringBuilder html = new StringBuilder(64 * 1024);

    Page(String title) {
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="%s">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s</title>
                <style>
                %s</style>
                </head>
                <body>
                """.formatted(CONTENT_SECURITY_POLICY, Html.escape(title), STYLE));
    }

    /** Markup written by Relais itself (never data). */
    Page raw(String markup) {
        html.append(markup);
        return this;
    }

    Page heading(int level, String text) {
        html.append("<h").append(level).append('>').append(Html.escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    /** Opens a section with an id for the table of contents and its heading. */
    Page beginSection(String id, String title) {
        html.append("<section id=\"").append(Html.escape(id)).append("\" aria-labelledby=\"").append(Html.escape(id))
                .append("-heading\">\n<h2 id=\"").append(Html.escape(id)).append("-heading\">")
                .append(Html.escape(title)).append("</h2>\n");
        return this;
    }

    Page endSection() {
        html.append("</section>\n");
        return this;
    }

    Page paragraph(String text) {
        html.append("<p>").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    Page note(String text) {
        html.append("<p class=\"note\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** Says that a part of the report could not be shown, and why. */
    Page notAvailable(String text) {
        html.append("<p class=\"missing\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** A list of facts: {@code label, value, label, value, ...}. */
    Page facts(List<String> labelsAndValues) {
        html.append("<dl class=\"facts\">\n");
        for (int i = 0; i + 1 < labelsAndValues.size(); i += 2) {
            html.append("<dt>").append(Html.escape(labelsAndValues.get(i))).append("</dt><dd>")
                    .append(Html.escape(labelsAndValues.get(i + 1))).append("</dd>\n");
        }
        html.append("</dl>\n");
        return this;
    }

    /** A table with a caption, column headers and one list of cell texts per row. */
    Page table(String caption, List<Column> columns, List<List<String>> rows) {
        html.append("<table>\n<caption>").append(Html.escape(caption)).append("</caption>\n<thead><tr>");
        for (Column c : columns) {
            html.append(c.numeric() ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                    .append(Html.escape(c.header())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < columns.size(); i++) {
                String cell = i < row.size() ? row.get(i) : "";
                html.append(columns.get(i).numeric() ? "<td class=\"num\">" : "<td>")
                        .append(Html.escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        return this;
    }

    /** Starts blocks laid side by side while the page is wide enough; each starts with {@link #nextColumn}. */
    Page beginColumns() {
        html.append("<div class=\"columns\">\n<div>\n");
        return this;
    }

    Page nextColumn() {
        html.append("</div>\n<div>\n");
        return this;
    }

    Page endColumns() {
        html.append("</div>\n</div>\n");
        return this;
    }

    /** A chart made by {@link Charts}, which escapes its own labels. */
    Page chart(String svgFigure) {
        html.append(svgFigure);
        return this;
    }

    String finish(String footer) {
        html.append("<footer>").append(Html.escape(footer)).append("</footer>\n</body>\n</html>\n");
        return html.toString();
    }
}
