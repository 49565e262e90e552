package org.aimc.jobs.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Output locations: local paths become absolute {@code file:} paths, Hadoop URIs ({@code hdfs:},
 * {@code s3a:}, ...) pass through. Refused: {@code ..} segments (write the directory you mean), the
 * filesystem root and system trees, and the user's home, the working directory and the installation
 * directory themselves (a sweep gets a directory of its own).
 */
final class OutputPaths {
    static final List<String> SYSTEM = List.of("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32",
            "/proc", "/run", "/sbin", "/sys", "/usr");

    private OutputPaths() {
    }

    static boolean isUri(String s) {
        return s.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !s.startsWith("file:");
    }

    /** An input location (results to read): a Hadoop URI, or a local path made absolute. */
    static org.apache.hadoop.fs.Path input(String s) {
        if (s == null || s.isBlank()) {
            throw new UserError("path is empty");
        }
        if (isUri(s)) {
            return new org.apache.hadoop.fs.Path(s);
        }
        String local = s.startsWith("file:") ? URI.create(s).getPath() : s;
        return new org.apache.hadoop.fs.Path("file", null, Path.of(local).toAbsolutePath().normalize().toString());
    }

    static org.apache.hadoop.fs.Path resolve(String s) {
        if (s == null || s.isBlank()) {
            throw new UserError("output path is empty");
        }
        for (String seg : s.split("[/\\\\]")) {
            if (seg.equals("..")) {
                throw new UserError("output path '" + s + "' contains '..'; write the directory you mean");
            }
        }
        if (isUri(s)) {
            try {
                URI u = new URI(s);
                if (u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/")) {
                    throw new UserError("output path '" + s + "' is the root of its filesystem; name a directory");
                }
                return new org.apache.hadoop.fs.Path(u);
            } catch (URISyntaxException e) {
                throw new UserError("output path '" + s + "' is not a valid URI: " + e.getMessage());
            }
        }
        String local = s.startsWith("file:") ? URI.create(s).getPath() : s;
        Path p = Path.of(local).toAbsolutePath().normalize();
        String abs = p.toString();
        if (p.getParent() == null) {
            throw new UserError("output path '" + s + "' is the filesystem root; name a directory");
        }
        for (String sys : SYSTEM) {
            if (abs.equals(sys) || abs.startsWith(sys + "/")) {
                throw new UserError("output path '" + s + "' lies in the system directory " + sys + "; choose a "
                        + "data directory");
            }
        }
        for (String own : new String[] {System.getProperty("user.home"), System.getProperty("user.dir"),
            System.getProperty("aimc.home")}) {
            if (own != null && Path.of(own).toAbsolutePath().normalize().equals(p)) {
                throw new UserError("output path '" + s + "' is " + own + " itself; a sweep needs a directory of its "
                        + "own (e.g. results/<name>)");
            }
        }
        return new org.apache.hadoop.fs.Path("file", null, abs);
    }
}
