package org.aimc.jobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs ngspice in batch mode on a deck written by {@link org.aimc.sim.crossbar.SpiceDeck} and reads the
 * operating point back from an ASCII raw file ({@code SPICE_ASCIIRAWFILE=1 ngspice -b -r out.raw deck.cir}),
 * under bash so that its CPU time is measured too.
 */
public final class Ngspice {
    /**
     * Result of one run: every raw-file variable by name, the wall time of the ngspice process and its CPU
     * time (user + system, from bash's {@code time}; NaN when bash is unavailable).
     */
    public record Run(Map<String, Double> values, double seconds, double cpuSeconds) {
        /** ngspice's i(vcol<j>) for every column j in [0, cols), NaN where the deck has no such source. */
        public double[] columnCurrents(int cols) {
            double[] out = new double[cols];
            for (int j = 0; j < cols; j++) {
                Double v = values.get("i(vcol" + j + ")");
                out[j] = v == null ? Double.NaN : v;
            }
            return out;
        }
    }

    private Ngspice() {
    }

    /** The ngspice executable: {@code $AIMC_NGSPICE}, else {@code ngspice} on the PATH. */
    public static String executable() {
        String e = System.getenv("AIMC_NGSPICE");
        return e == null || e.isBlank() ? "ngspice" : e;
    }

    /**
     * Runs the deck text in {@code workDir} and parses the operating point.
     *
     * @throws IOException when ngspice is missing, fails, or writes no operating point
     */
    public static Run operatingPoint(String deck, Path workDir, String name, long timeoutS)
            throws IOException, InterruptedException {
        Path cir = workDir.resolve(name + ".cir");
        Path raw = workDir.resolve(name + ".raw");
        Path log = workDir.resolve(name + ".log");
        Files.writeString(cir, deck, StandardCharsets.US_ASCII);
        Files.deleteIfExists(raw);
        Path times = workDir.resolve(name + ".time");
        // bash's time keyword reports the child's CPU time (user, system) on the shell's stderr
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "TIMEFORMAT='%3U %3S'; time \"$0\" -b -r \"$1\" \"$2\" > \"$3\" 2>&1", executable(),
                raw.toString(), cir.toString(), log.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(times.toFile());
        pb.environment().put("SPICE_ASCIIRAWFILE", "1");
        long t0 = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot start bash to run ngspice (" + e.getMessage() + ")", e);
        }
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ngspice did not finish " + name + " within " + timeoutS + " s");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() == 127) {
            throw new IOException("'" + executable() + "' not found; install it with apt-get install ngspice "
                    + "(.ci/run does)");
        }
        if (p.exitValue() != 0 || !Files.exists(raw)) {
            throw new IOException("ngspice failed on " + cir + " (exit " + p.exitValue() + "); log: " + tail(log));
        }
        return new Run(parseRaw(Files.readString(raw, StandardCharsets.US_ASCII)), seconds, cpu(times));
    }

    private static double cpu(Path times) throws IOException {
        List<String> lines = Files.readAllLines(times, StandardCharsets.ISO_8859_1);
        for (int k = lines.size() - 1; k >= 0; k--) {
            String[] tok = lines.get(k).trim().split("\\s+");
            if (tok.length == 2) {
                try {
                    return Double.parseDouble(tok[0]) + Double.parseDouble(tok[1]);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        return Double.NaN;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** Variables and values of the first point of an ASCII raw file. */
    static Map<String, Double> parseRaw(String text) throws IOException {
        String[] lines = text.split("\r?\n");
        int k = 0;
        int count = -1;
        while (k < lines.length && !lines[k].startsWith("Variables:")) {
            if (lines[k].startsWith("No. Variables:")) {
                count = Integer.parseInt(lines[k].substring("No. Variables:".length()).trim());
            }
            k++;
        }
        if (count < 0 || k == lines.length) {
            throw new IOException("not an ASCII ngspice raw file (no variable list)");
        }
        List<String> names = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            String[] tok = lines[++k].trim().split("\\s+");
            names.add(tok[1]);
        }
        while (k < lines.length && !lines[k].startsWith("Values:")) {
            k++;
        }
        Map<String, Double> out = new HashMap<>();
        for (int v = 0; v < count; v++) {
            String[] tok = lines[++k].trim().split("\\s+");
            out.put(names.get(v), Double.parseDouble(tok[tok.length - 1]));
        }
        return out;
    }
}
