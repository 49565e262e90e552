package org.aimc.jobs.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading spec files with clear errors. */
final class SpecFiles {
    /** Largest spec file accepted. Real specs are a few kB; anything near this is a mistake or an attack. */
    static final long MAX_BYTES = 1 << 20;

    private SpecFiles() {
    }

    static String read(Path p) {
        if (!Files.exists(p)) {
            throw new UserError("spec file '" + p + "' does not exist");
        }
        if (!Files.isRegularFile(p)) {
            throw new UserError("spec '" + p + "' is not a regular file");
        }
        try {
            long size = Files.size(p);
            if (size > MAX_BYTES) {
                throw new UserError("spec file '" + p + "' is " + size + " bytes; specs are limited to " + MAX_BYTES
                        + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UserError("spec file '" + p + "' is not UTF-8 text");
        } catch (IOException e) {
            throw new UserError("cannot read spec file '" + p + "': " + e.getMessage());
        }
    }
}
