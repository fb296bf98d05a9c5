package org.relais.ingest.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The iterator that {@link RecordFormat#split} returns, over a reader of records that may fail
 * with an {@link IOException} (rethrown unchecked, as the interface says).
 */
final class RecordIterator implements Iterator<SourceRecord> {

    /** Reads records one at a time. */
    @FunctionalInterface
    interface Reader {
        /** The next record, or {@code null} at the end. */
        SourceRecord next() throws IOException;
    }

    private final Reader reader;
    private SourceRecord pending;
    private boolean done;

    RecordIterator(Reader reader) {
        this.reader = reader;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !done) {
            try {
                pending = reader.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            done = pending == null;
        }
        return pending != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRecord result = pending;
        pending = null;
        return result;
    }
}
