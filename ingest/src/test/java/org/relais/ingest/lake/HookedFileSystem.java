package org.relais.ingest.lake;

import java.io.IOException;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The local file system with hooks, to reproduce what another process or a failing disk does
 * between two steps of the lake: a rename that fails, a file that changes just before it is read.
 * Hadoop builds file systems by class name, so the hooks are static; {@link #reset()} after each
 * test. Only lakes opened with {@link #conf()} use it; Spark keeps the plain local file system.
 */
public class HookedFileSystem extends LocalFileSystem {

    /** Renames for which this returns true fail (return false, as Hadoop's rename does). */
    static volatile BiPredicate<Path, Path> failRename = (src, dst) -> false;
    /** Runs before each file is opened for reading. */
    static volatile Consumer<Path> beforeOpen = file -> { };

    /** A configuration whose {@code file:} URIs get a fresh instance of this file system. */
    static Configuration conf() {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", HookedFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    static void reset() {
        failRename = (src, dst) -> false;
        beforeOpen = file -> { };
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        if (failRename.test(src, dst)) {
            return false;
        }
        return super.rename(src, dst);
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        beforeOpen.accept(f);
        return super.open(f, bufferSize);
    }
}
