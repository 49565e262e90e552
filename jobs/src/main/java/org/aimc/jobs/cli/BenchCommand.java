package org.aimc.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code aimc bench}: the committed benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run the committed benchmarks.")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("bench: no benchmark selected");
    }
}
