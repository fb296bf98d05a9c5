package org.relais.ingest.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The registry of input formats, by the name given to {@code produce --format}. */
public final class Formats {

    /** Every format, in the order they are listed to users. A new format is one more line here. */
    private static final List<RecordFormat> ALL = List.of(
            new RelaisJsonFormat(),
            new TwitterV2Format(),
            new TwitterV2FlatFormat(),
            new TwitterV2UsersFormat(),
            new TwitterV1Format(),
            new BlueskyJetstreamFormat(),
            new MastodonFormat(),
            new BlogLinksCsvFormat(),
            new BlogPostsJsonFormat(),
            new FollowsCsvFormat(),
            new IdentitiesCsvFormat(),
            new ComplianceCsvFormat());

    private static final Map<String, RecordFormat> BY_NAME = index(ALL);

    private Formats() {
    }

    /** Every known format. */
    public static List<RecordFormat> all() {
        return ALL;
    }

    /**
     * The format called {@code name}.
     *
     * @throws BadInputException when there is none; the message lists the known formats with their
     *     descriptions, for the command line
     */
    public static RecordFormat byName(String name) throws BadInputException {
        RecordFormat format = name == null ? null : BY_NAME.get(name);
        if (format == null) {
            throw new BadInputException((name == null ? "no format given" : "unknown format '" + name + "'")
                    + "; known formats:" + listing());
        }
        return format;
    }

    /** One line per format: its name, padded, and its description. */
    public static String listing() {
        int width = 0;
        for (RecordFormat format : ALL) {
            width = Math.max(width, format.name().length());
        }
        StringBuilder lines = new StringBuilder();
        for (RecordFormat format : ALL) {
            lines.append('\n').append("  ")
                    .append(String.format(Locale.ROOT, "%-" + width + "s", format.name()))
                    .append("  ").append(format.description());
        }
        return lines.toString();
    }

    private static Map<String, RecordFormat> index(List<RecordFormat> formats) {
        Map<String, RecordFormat> byName = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (RecordFormat format : formats) {
            if (byName.putIfAbsent(format.name(), format) != null) {
                duplicates.add(format.name());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException("format names must be unique, but these repeat: " + duplicates);
        }
        return Map.copyOf(byName);
    }
}
