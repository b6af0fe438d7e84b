package dev.leverans.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The database file as it was opened. If it is deleted or renamed under the running server, SQLite
 * keeps writing to the unlinked file and every acknowledged write would be lost at the next start;
 * so each write batch first checks that the path still names the same file.
 */
final class DatabaseFile {
    private final Path path;
    private final Object identity;

    DatabaseFile(Path path) throws IOException {
        this.path = path;
        this.identity = identity(path);
    }

    /** Null while the file is in place, else what happened to it. */
    String fault() {
        try {
            Object now = identity(path);
            return now.equals(identity) ? null : "the database file " + path + " was replaced; restart the server";
        } catch (IOException e) {
            return "the database file " + path + " was moved or deleted; restore it and restart the server";
        }
    }

    private static Object identity(Path path) throws IOException {
        Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        return key != null ? key : path.toRealPath();
    }
}
