package org.aimc.jobs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aimc.sim.crossbar.CrossbarCase;
import org.aimc.sim.crossbar.CrossbarException;
import org.aimc.sim.crossbar.CrossbarSpec;
import org.aimc.sim.crossbar.CrossbarText;
import org.aimc.sim.crossbar.Crossbars;
import org.aimc.sim.crossbar.NodalModel;
import org.aimc.sim.crossbar.NodalSolution;
import org.aimc.sim.crossbar.SpiceDeck;
import org.aimc.sim.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aimc netlist}: the SPICE deck of a random or given crossbar, and the nodal solver's column currents.
 */
@Command(name = "netlist", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write an ngspice operating-point deck of a crossbar and print the nodal solver's current "
                + "at every column as CSV (column,current_a).",
            "Each sensed column ends in a zero-volt source vcol<j>, so ngspice's i(vcol<j>) is comparable with the "
                    + "CSV: ngspice -b deck.cir, or SPICE_ASCIIRAWFILE=1 ngspice -b -r out.raw deck.cir.",
            "A random crossbar draws conductances uniformly in [--g-min, --g-max] and row inputs uniformly in "
                    + "[0, --v-max]; --from reads a crossbar file instead (format below)."},
        footer = {"", "--from FILE format ('#' comments; one key per line, each at most once):",
            "  rows 2                 required",
            "  cols 3                 required",
            "  access 0T1R            required: 1T1R | 0T1R | 1S1R",
            "  wire_ohm 0.35          required (or row_wire_ohm and col_wire_ohm)",
            "  driver_ohm 0           optional, default 0 (ideal driver)",
            "  sense_ohm 0            optional, default 0 (ideal virtual ground)",
            "  access_on_ohm 2000     optional, 1T1R access-transistor on-resistance",
            "  selector_i0_a 1e-7     optional, 1S1R selector I = I0 sinh(V/V0)",
            "  selector_v0_v 0.1      optional",
            "  inputs_v 0.2 open      required: V per row, 'open' = floating row",
            "  open_columns 2         optional: columns without a sense amplifier",
            "  deselected_rows 1      optional (1T1R): access transistors off",
            "  conductances_s         required, then 'rows' lines of 'cols' values, S",
            "  1e-5 2e-5 3e-5",
            "  4e-5 0 1e-6"})
public final class NetlistCommand implements Callable<Integer> {
    /** Largest --from file read. */
    static final long MAX_FROM_BYTES = 1L << 28;

    @Option(names = "--rows", paramLabel = "R", description = "Word lines of a random crossbar.")
    Integer rows;

    @Option(names = "--cols", paramLabel = "C", description = "Bit lines of a random crossbar.")
    Integer cols;

    @Option(names = "--access", paramLabel = "KIND", description = "1T1R (default), 0T1R or 1S1R.")
    String access;

    @Option(names = "--wire-ohm", paramLabel = "X",
            description = "Resistance of one wire segment, both line sets (default 0.35, physics.md §5.1).")
    Double wireOhm;

    @Option(names = "--driver-ohm", paramLabel = "X", description = "Row driver resistance (default 0: ideal).")
    Double driverOhm;

    @Option(names = "--sense-ohm", paramLabel = "X",
            description = "Column sense resistance (default 0: ideal virtual ground).")
    Double senseOhm;

    @Option(names = "--g-min", paramLabel = "S", description = "Lowest random conductance (default 1e-6).")
    Double gMin;

    @Option(names = "--g-max", paramLabel = "S", description = "Highest random conductance (default 4e-5).")
    Double gMax;

    @Option(names = "--v-max", paramLabel = "V",
            description = "Highest random input (default 0.2 V; 1.5 V for 1S1R).")
    Double vMax;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random crossbar (default 0).")
    Long seed;

    @Option(names = "--from", paramLabel = "FILE", description = "Crossbar file instead of a random crossbar.")
    Path from;

    @Option(names = "--out", paramLabel = "DECK", required = true, description = "The SPICE deck to write.")
    Path out;

    @Override
    public Integer call() {
        CrossbarCase c = from != null ? fromFile() : random();
        double[] currents;
        String deck;
        try {
            NodalSolution s = NodalModel.of(c.crossbar()).solve(c.inputsV());
            currents = s.columnCurrentsA();
            deck = SpiceDeck.write(c);
        } catch (CrossbarException e) {
            throw new UserError((from != null ? "--from " + from + ": " : "") + e.getMessage());
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UserError("--out: directory '" + parent + "' does not exist");
            }
            Files.writeString(out, deck, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UserError("--out: cannot write '" + out + "': " + e.getMessage());
        }
        PrintStream o = System.out;
        StringBuilder sb = new StringBuilder("column,current_a\n");
        for (int j = 0; j < currents.length; j++) {
            sb.append(j).append(',').append(currents[j]).append('\n');
        }
        o.print(sb);
        o.flush();
        return 0;
    }

    private CrossbarCase fromFile() {
        if (rows != null || cols != null || access != null || wireOhm != null || driverOhm != null
                || senseOhm != null || gMin != null || gMax != null || vMax != null || seed != null) {
            throw new UserError("--from FILE describes the whole crossbar; it cannot be combined with --rows, --cols, "
                    + "--access, --wire-ohm, --driver-ohm, --sense-ohm, --g-min, --g-max, --v-max or --seed");
        }
        if (!Files.isRegularFile(from)) {
            throw new UserError("--from: '" + from + "' is not a readable file");
        }
        String text;
        try {
            if (Files.size(from) > MAX_FROM_BYTES) {
                throw new UserError("--from: '" + from + "' is larger than " + MAX_FROM_BYTES + " bytes");
            }
            text = Files.readString(from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("--from: cannot read '" + from + "': " + e.getMessage());
        }
        try {
            return CrossbarText.parse(text);
        } catch (CrossbarException e) {
            throw new UserError("--from " + from + ": " + e.getMessage());
        }
    }

    private CrossbarCase random() {
        if (rows == null || cols == null) {
            throw new UserError("--rows and --cols are required for a random crossbar (or give --from FILE)");
        }
        CrossbarSpec spec;
        try {
            spec = CrossbarSpec.of(rows, cols, access == null ? "1T1R" : access, wireOhm == null ? 0.35 : wireOhm)
                    .withDriverOhm(driverOhm == null ? 0 : driverOhm).withSenseOhm(senseOhm == null ? 0 : senseOhm);
        } catch (SpecException e) {
            throw new UserError(option(e.path()) + ": " + e.problem());
        }
        try {
            return Crossbars.random(spec, gMin == null ? Crossbars.DEFAULT_G_MIN_S : gMin,
                    gMax == null ? Crossbars.DEFAULT_G_MAX_S : gMax,
                    vMax == null ? Crossbars.defaultMaxInputV(spec) : vMax, seed == null ? 0 : seed);
        } catch (CrossbarException e) {
            throw new UserError("--g-min/--g-max/--v-max: " + e.getMessage());
        }
    }

    /** The command-line option behind a {@link CrossbarSpec} field. */
    static String option(String field) {
        return switch (field) {
            case "rows" -> "--rows";
            case "cols" -> "--cols";
            case "access" -> "--access";
            case "row_wire_ohm", "col_wire_ohm" -> "--wire-ohm";
            case "driver_ohm" -> "--driver-ohm";
            case "sense_ohm" -> "--sense-ohm";
            default -> field;
        };
    }
}
