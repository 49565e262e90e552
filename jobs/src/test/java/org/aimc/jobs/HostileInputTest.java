package org.aimc.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * The committed corpus of hostile specs (src/test/resources/hostile, each with its expected message on the
 * first line) and hostile flag combinations: every one is rejected with a clear message, exit code 2, no
 * stack trace, and nothing written.
 */
class HostileInputTest {
    static final Path CORPUS = Path.of("src/test/resources/hostile");
    static final String GOOD = "../conf/sweeps/quickstart.yaml";

    @TempDir
    Path dir;

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static String expected(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String first = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", 2)[0];
        assertTrue(first.startsWith("# expect: "), file + " must start with '# expect: <message fragment>'");
        return first.substring("# expect: ".length()).strip();
    }

    void assertRejected(Cli c, String fragment, Path out) {
        assertEquals(2, c.exit, "exit code; stderr: " + c.err);
        assertTrue(c.err.startsWith("aimc: error: "), c.err);
        assertTrue(c.err.contains(fragment), "expected '" + fragment + "' in: " + c.err);
        assertFalse(c.err.contains("\tat "), "no stack trace without --verbose: " + c.err);
        assertFalse(c.err.contains("Exception"), "no exception names: " + c.err);
        if (out != null) {
            assertFalse(Files.exists(out), "nothing written at " + out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileSpecsAreRejected(Path file) throws IOException {
        Path out = dir.resolve("out");
        assertRejected(Cli.run("sweep", file.toString(), "--out", out.toString()), expected(file), out);
    }

    @Test
    void theCorpusHasAtLeastThirtySpecs() throws IOException {
        assertTrue(corpus().count() >= 30);
    }

    @Test
    void aFiftyMegabyteSpecIsRefusedBeforeParsing() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (OutputStream o = Files.newOutputStream(big)) {
            o.write("name: big\nseed: 1\nworkload: fashion-mlp\ndescription: \"".getBytes(StandardCharsets.UTF_8));
            byte[] block = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                o.write(block);
            }
            o.write("\"\n".getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out");
        assertRejected(Cli.run("sweep", big.toString(), "--out", out.toString()), "specs are limited to", out);
    }

    @Test
    void verboseShowsTheStackTrace() {
        Cli c = Cli.run("sweep", CORPUS.resolve("24-adc-bits-40.yaml").toString(), "--out",
                dir.resolve("o").toString(), "--verbose");
        assertEquals(2, c.exit);
        assertTrue(c.err.contains("\tat "), c.err);
    }

    static Stream<Arguments> flags() {
        List<Arguments> a = new ArrayList<>();
        a.add(Arguments.of(List.of("--partitions", "0"), "--partitions must be at least 1"));
        a.add(Arguments.of(List.of("--partitions", "-3"), "--partitions must be at least 1"));
        a.add(Arguments.of(List.of("--partitions", "abc"), "Invalid value for option '--partitions'"));
        a.add(Arguments.of(List.of("--chunk-size", "0"), "--chunk-size must be in [1, 100000000]"));
        a.add(Arguments.of(List.of("--chunk-size", "1e9"), "Invalid value for option '--chunk-size'"));
        a.add(Arguments.of(List.of("--resume", "--overwrite"), "mutually exclusive"));
        a.add(Arguments.of(List.of("--shard", "3/2"), "--shard must be I/N"));
        a.add(Arguments.of(List.of("--shard", "1/0"), "--shard must be I/N"));
        a.add(Arguments.of(List.of("--shard", "half"), "--shard must be I/N"));
        a.add(Arguments.of(List.of("--shard", "0/2", "--overwrite"), "--overwrite cannot be combined with --shard"));
        a.add(Arguments.of(List.of("--master", "bogus"), "is not a Spark master URL"));
        a.add(Arguments.of(List.of("--master", "local[0]"), "is not a Spark master URL"));
        a.add(Arguments.of(List.of("--frobnicate"), "Unknown option: '--frobnicate'"));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void hostileFlagsAreRejected(List<String> flags, String fragment) {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("sweep", GOOD, "--out", out.toString()));
        args.addAll(flags);
        assertRejected(Cli.run(args.toArray(String[]::new)), fragment, out);
    }

    static Stream<Arguments> outputs() {
        return Stream.of(
                Arguments.of("", "output path is empty"),
                Arguments.of("results/../../escape", "contains '..'"),
                Arguments.of("/etc/aimc-out", "lies in the system directory /etc"),
                Arguments.of("/usr/share/aimc", "lies in the system directory /usr"),
                Arguments.of("/", "filesystem root"),
                Arguments.of(".", "itself"),
                Arguments.of("hdfs://namenode:8020/", "root of its filesystem"));
    }

    @ParameterizedTest(name = "--out {0}")
    @MethodSource("outputs")
    void hostileOutputPathsAreRejected(String out, String fragment) {
        assertRejected(Cli.run("sweep", GOOD, "--out", out), fragment, null);
    }

    @Test
    void anOutputThatIsAFileIsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("file.txt"), "data");
        assertRejected(Cli.run("sweep", GOOD, "--out", f.toString()), "is a file, not a directory", null);
        assertEquals("data", Files.readString(f));
    }

    @Test
    void anOutputHoldingSomethingElseIsNeverOverwritten() throws IOException {
        Path d = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(d.resolve("cat.jpg"), "meow");
        assertRejected(Cli.run("sweep", GOOD, "--out", d.toString(), "--overwrite"), "not an aimc sweep output", null);
        assertEquals(List.of(d.resolve("cat.jpg")), Files.list(d).toList());
    }

    @Test
    void aMissingOrDirectorySpecIsRejected() {
        assertRejected(Cli.run("sweep"), "Missing required parameter: 'SPEC'", null);
        assertRejected(Cli.run("sweep", dir.toString(), "--out", dir.resolve("o").toString()), "is not a regular file",
                dir.resolve("o"));
    }
}
