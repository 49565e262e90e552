package org.aimc.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reading spec files (local or Hadoop paths) with clear errors. */
final class SpecFiles {
    /** Largest spec file accepted. Real specs are a few kB; anything near this is a mistake or an attack. */
    static final long MAX_BYTES = 1 << 20;

    private SpecFiles() {
    }

    static String read(java.nio.file.Path p) {
        return read(p.toString());
    }

    static String read(String location) {
        if (location == null || location.isBlank()) {
            throw new UserError("spec path is empty");
        }
        Path p = OutputPaths.isUri(location) ? new Path(location)
                : new Path("file", null, java.nio.file.Path.of(location).toAbsolutePath().normalize().toString());
        try {
            FileSystem fs = p.getFileSystem(new Configuration());
            if (!fs.exists(p)) {
                throw new UserError("spec file '" + location + "' does not exist");
            }
            FileStatus st = fs.getFileStatus(p);
            if (!st.isFile()) {
                throw new UserError("spec '" + location + "' is not a regular file");
            }
            if (st.getLen() > MAX_BYTES) {
                throw new UserError("spec file '" + location + "' is " + st.getLen() + " bytes; specs are limited to "
                        + MAX_BYTES + " bytes");
            }
            byte[] bytes;
            try (InputStream in = fs.open(p)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new UserError("spec file '" + location + "' exceeds " + MAX_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError("spec file '" + location + "' is not UTF-8 text");
        } catch (IOException e) {
            throw new UserError("cannot read spec file '" + location + "': " + e.getMessage());
        }
    }
}
