package dev.leverans.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the data directory against silently starting over. The database is created together with
 * a marker file ({@value #MARKER}); a directory that has the marker, or traces of the database
 * (its WAL, a renamed copy), but no database is refused at start, because creating a new empty one
 * there would hide every reservation and order it held. {@code --init} (or {@code storage.init})
 * creates the database anyway. A directory without any of it is a first start.
 */
final class DataDirectory {
    static final String MARKER = "leverans.instance";
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private DataDirectory() {}

    /** Makes sure {@code dir/databaseFile} may be opened (created when it is a first start or {@code init}). */
    static void prepare(Path dir, String databaseFile, boolean init) {
        Path database = dir.resolve(databaseFile);
        Path marker = dir.resolve(MARKER);
        try {
            Files.createDirectories(dir);
            if (Files.exists(database)) {
                if (!Files.exists(marker)) writeMarker(marker);
                return;
            }
            List<String> traces = traces(dir, databaseFile);
            if (!init && (Files.exists(marker) || !traces.isEmpty())) {
                throw new StorageException(dir.toAbsolutePath() + " held a Leverans database but " + databaseFile + " is missing"
                        + (traces.isEmpty() ? "" : " (found " + String.join(", ", traces) + ")")
                        + ": it was moved or deleted. Restore it (see README, backups), or start once with --init "
                        + "(or storage.init: true) to begin with an empty database", null);
            }
            if (init) {
                LOG.warn("--init: creating a new, empty database in {}", dir.toAbsolutePath());
            } else {
                LOG.warn("First start in {}: creating a new, empty database", dir.toAbsolutePath());
            }
            writeMarker(marker);
        } catch (IOException e) {
            throw new StorageException("cannot prepare data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Files left by a database that is gone: its WAL or journal, or a renamed copy ({@code leverans.db.bak}). */
    private static List<String> traces(Path dir, String databaseFile) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith(databaseFile)).sorted().toList();
        }
    }

    private static void writeMarker(Path marker) throws IOException {
        Files.writeString(marker, "Leverans data directory, initialised " + Instant.now() + ".\n"
                + "Keep this file with leverans.db: without the database beside it the server refuses to start\n"
                + "instead of creating an empty one (java -jar leverans.jar --init starts over on purpose).\n");
    }
}
