package org.aimc.jobs;

import java.io.PrintWriter;
import org.aimc.jobs.cli.BenchCommand;
import org.aimc.jobs.cli.NetlistCommand;
import org.aimc.jobs.cli.ParetoCommand;
import org.aimc.jobs.cli.RefineCommand;
import org.aimc.jobs.cli.ReportCommand;
import org.aimc.jobs.cli.SqlCommand;
import org.aimc.jobs.cli.SweepCommand;
import org.aimc.jobs.cli.TrainCommand;
import org.aimc.jobs.cli.UserError;
import org.aimc.jobs.spark.SweepJob;
import org.aimc.sim.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code aimc} command line: one main class for the launcher and for {@code spark-submit}. Exit codes:
 * 0 success, 1 failure while running, 2 bad input (spec, options, output location).
 */
@Command(name = "aimc", mixinStandardHelpOptions = true, version = "aimc-explorer 0.1.0",
        description = "Design-space exploration of analog in-memory computing hardware.",
        subcommands = {SweepCommand.class, SqlCommand.class, ParetoCommand.class, ReportCommand.class, NetlistCommand.class,
            org.aimc.jobs.cli.ValidateCommand.class, RefineCommand.class, TrainCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command; see aimc --help");
    }

    public static void main(String[] args) {
        int code = execute(args);
        try {
            org.aimc.jobs.spark.SparkSessions.stopIfRunning();
        } catch (RuntimeException e) {
            // the work is done and committed; a failing shutdown must not change the exit code
        }
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean v = parsed.matchedOption("--verbose") != null || hasVerbose(parsed);
            PrintWriter err = cmd.getErr();
            int code;
            String msg;
            if (ex instanceof SpecException || ex instanceof UserError || ex instanceof SweepJob.UsageException) {
                code = EXIT_USAGE;
                msg = ex.getMessage();
            } else {
                code = EXIT_FAILURE;
                msg = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            }
            err.println("aimc: error: " + msg);
            if (v) {
                ex.printStackTrace(err);
            } else if (code == EXIT_FAILURE) {
                err.println("(run with --verbose for the stack trace)");
            }
            err.flush();
            return code;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("aimc: error: " + ex.getMessage());
            err.println("see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            err.flush();
            return EXIT_USAGE;
        });
        return cl.execute(args);
    }

    private static boolean hasVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.matchedOption("--verbose") != null) {
                return true;
            }
        }
        return false;
    }
}
