package org.aimc.jobs.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Output locations: local paths become absolute {@code file:} URIs; Hadoop URIs pass through. */
final class OutputPaths {
    private OutputPaths() {
    }

    static org.apache.hadoop.fs.Path resolve(String s) {
        if (s == null || s.isBlank()) {
            throw new UserError("output path is empty");
        }
        if (s.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*") || s.matches("[a-zA-Z][a-zA-Z0-9+.-]{1,}:/.*")) {
            try {
                return new org.apache.hadoop.fs.Path(new URI(s));
            } catch (URISyntaxException e) {
                throw new UserError("output path '" + s + "' is not a valid URI: " + e.getMessage());
            }
        }
        Path p = Path.of(s).toAbsolutePath().normalize();
        return new org.apache.hadoop.fs.Path("file", null, p.toString());
    }
}
