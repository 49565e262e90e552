package org.aimc.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code aimc refine} that is caught before any Spark work: exit code 2, one line naming the flag
 * and what it accepts, nothing written. (Selection errors that need the points table are in RefineIT.)
 */
class RefineCommandTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> badFlags() {
        return Stream.of(
                Arguments.of(List.of("--chips", "0"), "--chips must be in [1, "),
                Arguments.of(List.of("--chips", "two"), "Invalid value for option '--chips'"),
                Arguments.of(List.of("--top", "0"), "--top must be at least 1"),
                Arguments.of(List.of("--compensation", "sometimes"),
                        "--compensation must be one of both, on, off, point; got 'sometimes'"),
                Arguments.of(List.of("--times", "1,an hour"), "--times: 'an hour' is not a number of seconds"),
                Arguments.of(List.of("--times", "-1"), "--times: -1 s is outside [0, 1e10]"),
                Arguments.of(List.of("--master", "bogus"), "is not a Spark master URL"),
                Arguments.of(List.of("--frobnicate"), "Unknown option: '--frobnicate'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFlags")
    void badFlagsAreRejectedNamingTheFlag(List<String> flags, String fragment) throws Exception {
        Path results = Files.createTempDirectory(dir, "r");
        Path out = results.resolve("refined-out");
        List<String> args = new ArrayList<>(List.of("refine", results.toString(), "--out", out.toString()));
        args.addAll(flags);
        assertRejected(Cli.run(args.toArray(String[]::new)), fragment, out);
    }

    @Test
    void aDirectoryWithoutAPointsTableIsRejected() throws Exception {
        Path results = Files.createTempDirectory(dir, "empty");
        Path out = results.resolve("refined");
        assertRejected(Cli.run("refine", results.toString()), "no tables under", out);
    }

    static void assertRejected(Cli c, String fragment, Path out) {
        assertEquals(2, c.exit, "exit code; stderr: " + c.err);
        assertTrue(c.err.startsWith("aimc: error: "), c.err);
        assertTrue(c.err.contains(fragment), "expected '" + fragment + "' in: " + c.err);
        assertFalse(c.err.contains("\tat "), "no stack trace without --verbose: " + c.err);
        assertFalse(Files.exists(out), "nothing written at " + out);
    }
}
