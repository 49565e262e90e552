package org.aimc.datasets;

/**
 * A data set or cache file that cannot be used: missing, truncated, corrupt, or not what was expected.
 * The message names the file and says what to do.
 */
public final class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
