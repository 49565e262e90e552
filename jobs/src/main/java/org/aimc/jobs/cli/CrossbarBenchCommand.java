package org.aimc.jobs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aimc.jobs.bench.CrossbarBenchmarks;
import org.aimc.jobs.bench.Ngspice;
import org.aimc.sim.crossbar.CrossbarCase;
import org.aimc.sim.crossbar.CrossbarSpec;
import org.aimc.sim.crossbar.Crossbars;
import org.aimc.sim.crossbar.NodalModel;
import org.aimc.sim.crossbar.SpiceDeck;
import org.aimc.sim.eval.Evaluator;
import org.aimc.sim.eval.ResultColumns;
import org.aimc.sim.space.SweepPlan;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aimc bench crossbar}: the committed benchmarks of the nodal crossbar solver (issue 6). Without a
 * section option it runs all three.
 */
@Command(name = "crossbar", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks of the nodal crossbar solver:",
            "--jmh       JMH: 256x256 (and 128x128) set-up/factorization, time per additional vector, batch of 64, "
                    + "direct Cholesky;",
            "--spice     one operating point of random 0T1R crossbars, solver vs ngspice on the same deck "
                    + "(time ratio, worst disagreement);",
            "--ir-table  IR-drop-induced MVM error vs array size and wire resistance for RRAM (analytic, segmented, "
                    + "nodal tiers)."})
public final class CrossbarBenchCommand implements Callable<Integer> {
    @Option(names = "--jmh", description = "Run the JMH benchmarks (CrossbarBenchmarks).")
    boolean jmh;

    @Option(names = "--spice", description = "Compare with ngspice.")
    boolean spice;

    @Option(names = "--ir-table", description = "Print the IR-drop error table.")
    boolean irTable;

    @Option(names = "--spice-sizes", paramLabel = "N,..", split = ",", description = "Default: 64,128.")
    List<Integer> spiceSizes = List.of(64, 128);

    @Option(names = "--ir-sizes", paramLabel = "N,..", split = ",", description = "Default: 64,128,256,512,1024.")
    List<Integer> irSizes = List.of(64, 128, 256, 512, 1024);

    @Option(names = "--ir-wires", paramLabel = "OHM,..", split = ",", description = "Default: 0.35,1,2.5.")
    List<Double> irWires = List.of(0.35, 1.0, 2.5);

    @Option(names = "--work", paramLabel = "DIR", description = "Where decks and ngspice output go. Default: a "
            + "temporary directory.")
    Path work;

    @Override
    public Integer call() throws Exception {
        boolean all = !jmh && !spice && !irTable;
        PrintStream out = System.out;
        if (all || jmh) {
            runJmh(out);
        }
        if (all || spice) {
            spice(out);
        }
        if (all || irTable) {
            irTable(out);
        }
        return 0;
    }

    private static void runJmh(PrintStream out) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(CrossbarBenchmarks.class.getName() + ".*").build()).run();
        out.println();
        out.println("## Nodal solver (JMH, one thread): wall and thread-CPU time per operation");
        out.println("| benchmark | size | wall ms/op | CPU ms/op |");
        out.println("|---|---|---|---|");
        for (RunResult r : results) {
            Result<?> wall = r.getPrimaryResult();
            var sec = r.getSecondaryResults();
            double cpu = sec.containsKey("cpuMs") && sec.containsKey("ops")
                    ? sec.get("cpuMs").getScore() / sec.get("ops").getScore() : Double.NaN;
            String name = r.getParams().getBenchmark();
            out.printf(Locale.ROOT, "| %s | %s | %.3f ± %.3f | %.3f |%n", name.substring(name.lastIndexOf('.') + 1),
                    r.getParams().getParam("size"), wall.getScore(), wall.getScoreError(), cpu);
        }
        out.flush();
    }

    private void spice(PrintStream out) throws IOException, InterruptedException {
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("aimc-xbar-bench");
        out.println();
        out.println("## Nodal solver vs ngspice, one operating point (random 0T1R, wire 0.35 ohm, G in [1, 40] uS, "
                + "inputs in [0, 0.2] V; decks in " + dir + ")");
        out.println("Times are wall clock and, in brackets, CPU time of the one thread / process doing the work "
                + "(the machine may be shared). Solver: NodalModel.of + solve (set-up, factorization, one vector), "
                + "cold = first call in this JVM, warm = median of 21 after 2 s of warm-up.");
        out.println("| size | ngspice s (CPU) | solver cold ms | solver warm ms (CPU) | ratio warm wall (CPU) | "
                + "worst rel. disagreement |");
        out.println("|---|---|---|---|---|---|");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int size : spiceSizes) {
            if (size < 1) {
                throw new UserError("--spice-sizes: sizes must be positive, got " + size);
            }
            CrossbarCase c = Crossbars.random(CrossbarSpec.of(size, size, "0T1R", 0.35), size);
            long t0 = System.nanoTime();
            double[] mine = NodalModel.of(c.crossbar()).solve(c.inputsV()).columnCurrentsA();
            double cold = (System.nanoTime() - t0) / 1e6;
            Ngspice.Run run = Ngspice.operatingPoint(SpiceDeck.write(c), dir, "xbar" + size, 3600);
            long warmUntil = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                NodalModel.of(c.crossbar()).solve(c.inputsV());
            }
            double[] wall = new double[21];
            double[] cpu = new double[21];
            for (int r = 0; r < wall.length; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                NodalModel.of(c.crossbar()).solve(c.inputsV());
                wall[r] = (System.nanoTime() - s) / 1e6;
                cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            double warm = wall[wall.length / 2];
            double warmCpu = cpu[cpu.length / 2];
            double[] ref = run.columnCurrents(size);
            double worst = 0;
            for (int j = 0; j < size; j++) {
                worst = Math.max(worst, Math.abs(mine[j] - ref[j]) / Math.abs(ref[j]));
            }
            out.printf(Locale.ROOT, "| %dx%d | %.2f (%.2f) | %.1f | %.2f (%.2f) | %.0fx (%.0fx) | %.2e |%n", size, size,
                    run.seconds(), run.cpuSeconds(), cold, warm, warmCpu, run.seconds() * 1e3 / warm,
                    run.cpuSeconds() * 1e3 / warmCpu, worst);
            out.flush();
        }
    }

    private void irTable(PrintStream out) {
        out.println();
        out.println("## IR-drop-induced relative MVM error (err_ir_drop), RRAM neurram preset, current domain, 1T1R, "
                + "8-bit bit-serial inputs, 8-bit differential weights at 2 bits/cell, after word-line gain "
                + "calibration");
        out.println("| rows x cols | wire ohm | analytic | segmented | nodal | analytic / nodal | nodal s |");
        out.println("|---|---|---|---|---|---|---|");
        int col = ResultColumns.indexOf("err_ir_drop");
        for (int size : irSizes) {
            for (double w : irWires) {
                double[] err = new double[3];
                double nodalS = 0;
                String[] tiers = {"analytic", "segmented", "nodal"};
                for (int t = 0; t < 3; t++) {
                    SweepPlan plan = SweepPlan.parse(irYaml(size, w, tiers[t]));
                    long t0 = System.nanoTime();
                    Object[] row = new Evaluator(plan).evaluate(0);
                    nodalS = (System.nanoTime() - t0) / 1e9;
                    Object v = row[col];
                    err[t] = v == null ? Double.NaN : ((Number) v).doubleValue();
                }
                out.printf(Locale.ROOT, "| %dx%d | %.2f | %.4g | %.4g | %.4g | %.2f | %.1f |%n", size, size, w, err[0],
                        err[1], err[2], err[0] / err[2], nodalS);
                out.flush();
            }
        }
    }

    static String irYaml(int size, double wireOhm, String tier) {
        return String.format(Locale.ROOT, """
                name: bench-ir-drop
                seed: 1
                workload: fashion-mlp
                base:
                  device: {kind: rram}
                  domain: {kind: current}
                  array: {rows: %d, cols: %d, access: 1T1R, wire_ohm: %s}
                  dac: {kind: bit-serial, bits: 8}
                  adc: {kind: ideal, bits: 8}
                  mapping: {weight_bits: 8, bits_per_cell: 2, signed: differential}
                  nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: %s}
                  data: {weights: gaussian, weight_std: 0.25, input_zero_fraction: 0.5}
                axes: {}
                """, size, size, Double.toString(wireOhm), tier);
    }
}
