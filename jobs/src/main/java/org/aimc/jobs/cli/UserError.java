package org.aimc.jobs.cli;

/** A problem with what the user asked for (a missing file, a bad query): exit code 2, no stack trace. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
