package org.relais.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/** A format whose files are CSV with a header row ({@link CsvFiles}), each row keyed by {@link #key}. */
abstract class CsvFormat extends NamedFormat {

    private final List<String> requiredColumns;

    /** @param requiredColumns the columns a file's header must have, or the file is refused */
    CsvFormat(String name, String description, List<String> requiredColumns) {
        super(name, description);
        this.requiredColumns = List.copyOf(requiredColumns);
    }

    @Override
    public Iterator<SourceRecord> split(InputStream in, String fileName, int maxRecordBytes)
            throws IOException, BadInputException {
        return CsvFiles.split(in, fileName, requiredColumns, this::key, maxRecordBytes);
    }

    /** The Kafka key of a row, as split at publish time, or null; must not fail. */
    abstract String key(CsvRow row);
}
