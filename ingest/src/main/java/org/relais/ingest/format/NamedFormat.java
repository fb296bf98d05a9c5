package org.relais.ingest.format;

import org.relais.ingest.model.Platforms;

/** What every format has: a name and a one-line description, given once, and the usual Kafka key. */
abstract class NamedFormat implements RecordFormat {

    private final String name;
    private final String description;

    NamedFormat(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    /**
     * {@code platform:id}, the key of the records about one post or account, so that they stay in
     * order in one partition; null when either is missing or empty.
     */
    static String platformKey(String platform, String id) {
        return platform == null || platform.isEmpty() || id == null || id.isEmpty() ? null : Platforms.actorId(platform, id);
    }
}
