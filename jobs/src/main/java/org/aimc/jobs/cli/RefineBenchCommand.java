package org.aimc.jobs.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aimc.jobs.bench.HardwareInferenceBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aimc bench refine}: tier-B inference speed (issue 7) — one chip instance of fashion-mlp on 256 x 256
 * tiles, every nonideality the tiles model on, classifying the 10,000 Fashion-MNIST test images on one
 * thread; reports the thread's CPU seconds (seconds per core) and the wall time of each run. The JMH form of
 * the same measurement is {@link HardwareInferenceBench}.
 */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = {"Tier-B speed: one chip instance, fashion-mlp on 256x256 tiles, every nonideality on, the "
                + "10,000 test images on one thread; CPU seconds (per core) and wall seconds per run.",
            "Configurations: every --device x --domain x --dac given (the domain must accept the encoding)."})
public final class RefineBenchCommand implements Callable<Integer> {
    @Option(names = "--device", split = ",", description = "Memory types. Default: ${DEFAULT-VALUE}.")
    List<String> devices = List.of("rram");

    @Option(names = "--domain", split = ",", description = "Compute domains. Default: ${DEFAULT-VALUE}.")
    List<String> domains = List.of("current");

    @Option(names = "--dac", split = ",", description = "Input encodings. Default: ${DEFAULT-VALUE}.")
    List<String> dacs = List.of("amplitude", "bit-serial");

    @Option(names = "--runs", description = "Measured runs (chip instances) per configuration, after one warm-up "
            + "run. Default: ${DEFAULT-VALUE}.")
    int runs = 3;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = "${sys:aimc.cache:-results/cache}",
            description = "Weight cache. Default: ${DEFAULT-VALUE}.")
    String cache;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new UserError("--runs must be at least 1, got " + runs);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("[bench] %-6s %-22s %-11s %6s %12s %12s %9s%n", "device", "domain", "dac", "tiles",
                "cpu s/run", "wall s/run", "accuracy");
        for (String device : devices) {
            for (String domain : domains) {
                for (String dac : dacs) {
                    HardwareInferenceBench.Fixture f = HardwareInferenceBench.fixture(device, domain, dac,
                            Path.of(cache));
                    if (f.point().infeasibility() != null) {
                        System.out.printf("[bench] %-6s %-22s %-11s infeasible: %s%n", device, domain, dac,
                                f.point().infeasibility());
                        continue;
                    }
                    f.programAndClassify(1000); // warm-up (JIT), another chip
                    double cpu = 0;
                    double wall = 0;
                    double acc = 0;
                    for (int r = 0; r < runs; r++) {
                        long c0 = threads.getCurrentThreadCpuTime();
                        long w0 = System.nanoTime();
                        acc += f.programAndClassify(r);
                        cpu += (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                        wall += (System.nanoTime() - w0) / 1e9;
                    }
                    int tiles = org.aimc.sim.hw.HardwareNetwork.program(f.network(), f.point(), 0).tiles();
                    System.out.printf(Locale.ROOT, "[bench] %-6s %-22s %-11s %6d %12.2f %12.2f %9.4f%n", device, domain,
                            dac, tiles, cpu / runs, wall / runs, acc / runs);
                }
            }
        }
        return 0;
    }
}
