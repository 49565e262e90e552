package org.aimc.sim.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** sim-core stays a pure library (conventions.md principle 1). */
class ArchitectureTest {
    static final Path MAIN = Path.of("src/main/java/org/aimc/sim");

    static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    static List<String> offenders(String needle, String allowedPackage) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : sources()) {
            if (allowedPackage != null && p.startsWith(MAIN.resolve(allowedPackage))) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    out.add(p + ":" + (i + 1));
                }
            }
        }
        return out;
    }

    @Test
    void noSparkInSimCore() throws IOException {
        List<String> o = offenders("org.apache.spark", null);
        assertTrue(o.isEmpty(), o.toString());
    }

    @Test
    void noFileIoOrJacksonOutsideConfig() throws IOException {
        for (String needle : List.of("java.io.File", "java.nio.file", "FileInputStream", "FileOutputStream",
                "com.fasterxml.jackson")) {
            List<String> o = offenders(needle, "config");
            assertTrue(o.isEmpty(), needle + ": " + o);
        }
    }

    @Test
    void noConsoleOutputInLibraryCode() throws IOException {
        for (String needle : List.of("System.out", "System.err", "printStackTrace")) {
            List<String> o = offenders(needle, null);
            assertTrue(o.isEmpty(), needle + ": " + o);
        }
    }
}
