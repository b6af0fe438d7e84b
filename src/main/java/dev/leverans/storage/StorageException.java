package dev.leverans.storage;

/** The database could not do what was asked; nothing was acknowledged. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
