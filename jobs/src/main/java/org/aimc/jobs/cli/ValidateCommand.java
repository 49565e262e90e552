package org.aimc.jobs.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.aimc.jobs.spark.SparkSessions;
import org.aimc.sim.config.Presets;
import org.aimc.sim.eval.Evaluator;
import org.aimc.sim.eval.MacroPoints;
import org.aimc.sim.eval.ResultColumns;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecException;
import org.aimc.sim.spec.SweepSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aimc validate [CSV]}: each published macro of a calibration file as a design point, its modelled
 * TOPS/W and TOPS/mm^2 beside the reported ones, and the Parquet table {@code validation}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Model published AIMC macros and compare with their reported TOPS/W and TOPS/mm^2.",
            "Rows of CSV (columns as conf/validation/macros-calibration.csv) become design points; blanks take "
                    + "documented defaults (org.aimc.sim.eval.MacroPoints). Writes the table 'validation'."})
public final class ValidateCommand implements Callable<Integer> {
    static final String DEFAULT_CSV = "conf/validation/macros-calibration.csv";

    @Parameters(index = "0", arity = "0..1", paramLabel = "CSV",
            description = "Calibration file (local or Hadoop path). Default: " + DEFAULT_CSV + ".")
    String csv;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results directory that receives the table 'validation'. Default: results.")
    String out = "results";

    @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*].")
    String master;

    /** One modelled macro. */
    record Outcome(Map<String, String> row, Object[] point, String status) {
    }

    @Override
    public Integer call() throws Exception {
        Masters.check(master);
        String file = csv != null ? csv : defaultCsv();
        String text = SpecFiles.read(file);
        List<Map<String, String>> rows = Csv.parse(text, file);
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(OutputPaths.resolve(out), "validation");
        List<Outcome> outcomes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                // reported figures are checked before anything is printed or written
                reported(rows.get(i), "reported_tops_per_w");
                reported(rows.get(i), "reported_tops_per_mm2");
                outcomes.add(model(rows.get(i), i + 2));
            } catch (UserError e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UserError(file + ": " + problems.size() + " of " + rows.size() + " rows cannot be modelled:\n  "
                    + String.join("\n  ", problems));
        }
        PrintStream o = System.out;
        print(o, outcomes);
        SparkSession spark = SparkSessions.get(master, "aimc validate");
        Dataset<Row> df = spark.createDataFrame(tableRows(outcomes), schema());
        df.coalesce(1).write().mode(SaveMode.Overwrite).parquet(target.toString());
        o.printf("[validate] wrote %d rows to %s%n", outcomes.size(), target);
        return 0;
    }

    static String defaultCsv() {
        String home = System.getProperty("aimc.home");
        return home != null ? home + "/" + DEFAULT_CSV : DEFAULT_CSV;
    }

    /** The modelled point of one CSV row, or the reason it could not be modelled. */
    static Outcome model(Map<String, String> row, int line) {
        try {
            PointSpec p = MacroPoints.point(row);
            String kind = p.device().kind();
            Map<String, org.aimc.sim.spec.DeviceFamily> fam = new TreeMap<>();
            if (org.aimc.sim.device.Devices.registry().find(kind).isPresent()) {
                fam.put(kind, Presets.family(kind));
            }
            SweepPlan plan = SweepPlan.of(new SweepSpec("validate", "", 0, Presets.workload("fashion-mlp"), p,
                    List.of(), new TreeMap<>(fam)));
            Object[] r = new Evaluator(plan).evaluate(0);
            boolean feasible = (Boolean) r[ResultColumns.indexOf("feasible")];
            return new Outcome(row, r, feasible ? "ok" : "infeasible: " + r[ResultColumns.indexOf("infeasible_reason")]);
        } catch (SpecException e) {
            throw new UserError("line " + line + " (" + row.getOrDefault("name", "?") + "): " + e.getMessage());
        }
    }

    static Double reported(Map<String, String> row, String col) {
        String v = row.getOrDefault(col, "").strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UserError("column " + col + ": expected a number, got '" + v + "' (macro " + row.get("name")
                    + ")");
        }
    }

    static Double modelled(Outcome o, String col) {
        return (Double) o.point()[ResultColumns.indexOf(col)];
    }

    /** Energy breakdown columns of the {@code points} table and their short labels. */
    static final String[][] BREAKDOWN = {{"energy_array_j", "array"}, {"energy_dac_j", "dac"},
        {"energy_adc_j", "adc"}, {"energy_sense_j", "sense"}, {"energy_digital_j", "digital"}};

    static void print(PrintStream out, List<Outcome> outcomes) {
        out.printf("%-22s %12s %12s %7s   %12s %12s %7s  %-32s %s%n", "macro", "TOPS/W rep.", "TOPS/W mod.",
                "ratio", "TOPS/mm2 rep", "TOPS/mm2 mod", "ratio", "energy % array/dac/adc/sense/dig", "status");
        List<Double> w = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        for (Outcome o : outcomes) {
            Double rw = reported(o.row(), "reported_tops_per_w");
            Double ra = reported(o.row(), "reported_tops_per_mm2");
            Double mw = o.status().equals("ok") ? modelled(o, "tile_tops_per_w") : null;
            Double ma = o.status().equals("ok") ? modelled(o, "tile_tops_per_mm2") : null;
            Double qw = rw != null && mw != null ? mw / rw : null;
            Double qa = ra != null && ma != null ? ma / ra : null;
            if (qw != null) {
                w.add(qw);
            }
            if (qa != null) {
                a.add(qa);
            }
            out.printf(Locale.ROOT, "%-22s %12s %12s %7s   %12s %12s %7s  %-32s %s%n", o.row().get("name"), fmt(rw),
                    fmt(mw), fmt(qw), fmt(ra), fmt(ma), fmt(qa), shares(o), o.status());
        }
        out.println(summary("TOPS/W", w));
        out.println(summary("TOPS/mm2", a));
    }

    /** The energy shares of a modelled point in percent, "a/d/c/s/g", or "-". */
    static String shares(Outcome o) {
        if (!o.status().equals("ok")) {
            return "-";
        }
        double total = modelled(o, "energy_j");
        StringBuilder sb = new StringBuilder();
        for (String[] b : BREAKDOWN) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(Math.round(100 * modelled(o, b[0]) / total));
        }
        return sb.toString();
    }

    static String summary(String what, List<Double> ratios) {
        if (ratios.isEmpty()) {
            return String.format("[validate] %s: no row with a reported and a modelled value", what);
        }
        double[] l = ratios.stream().mapToDouble(r -> Math.abs(Math.log10(r))).sorted().toArray();
        double median = l.length % 2 == 1 ? l[l.length / 2] : (l[l.length / 2 - 1] + l[l.length / 2]) / 2;
        long within = ratios.stream().filter(r -> r >= 0.5 && r <= 2).count();
        return String.format(Locale.ROOT, "[validate] %s: %d rows, median |log10(modelled/reported)| = %.3f "
                + "(factor %.2f), within 2x: %d of %d (%.0f%%)", what, ratios.size(), median, Math.pow(10, median),
                within, ratios.size(), 100.0 * within / ratios.size());
    }

    static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, v >= 100 ? "%.1f" : v >= 1 ? "%.2f" : "%.3f", v);
    }

    static final String[] TEXT = {"name", "citation", "memory_type", "compute_domain", "input_encoding"};
    static final String[] NUMBERS = {"tech_node_nm", "rows", "cols", "input_bits", "weight_bits", "adc_bits"};
    static final String[] METRICS = {"energy_j", "energy_array_j", "energy_dac_j", "energy_adc_j", "energy_sense_j",
        "energy_digital_j", "latency_s", "tile_area_m2", "area_array_m2", "area_dac_m2", "area_adc_m2",
        "area_sense_m2", "area_digital_m2"};

    static StructType schema() {
        List<StructField> f = new ArrayList<>();
        for (String t : TEXT) {
            f.add(DataTypes.createStructField(t, DataTypes.StringType, true));
        }
        for (String n : NUMBERS) {
            f.add(DataTypes.createStructField(n, DataTypes.DoubleType, true));
        }
        f.add(DataTypes.createStructField("vdd_v", DataTypes.DoubleType, true));
        for (String n : List.of("reported_tops_per_w", "modelled_tops_per_w", "ratio_tops_per_w",
                "reported_tops_per_mm2", "modelled_tops_per_mm2", "ratio_tops_per_mm2")) {
            f.add(DataTypes.createStructField(n, DataTypes.DoubleType, true));
        }
        for (String m : METRICS) {
            f.add(DataTypes.createStructField(m, DataTypes.DoubleType, true));
        }
        f.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        return DataTypes.createStructType(f);
    }

    static List<Row> tableRows(List<Outcome> outcomes) {
        List<Row> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            List<Object> v = new ArrayList<>();
            for (String t : TEXT) {
                String s = o.row().getOrDefault(t, "");
                v.add(s.isBlank() ? null : s);
            }
            for (String n : NUMBERS) {
                v.add(reported(o.row(), n));
            }
            boolean ok = o.status().equals("ok");
            v.add((Double) o.point()[ResultColumns.indexOf("vdd_v")]);
            Double rw = reported(o.row(), "reported_tops_per_w");
            Double ra = reported(o.row(), "reported_tops_per_mm2");
            Double mw = ok ? modelled(o, "tile_tops_per_w") : null;
            Double ma = ok ? modelled(o, "tile_tops_per_mm2") : null;
            v.addAll(Arrays.asList(rw, mw, rw != null && mw != null ? mw / rw : null, ra, ma,
                    ra != null && ma != null ? ma / ra : null));
            for (String m : METRICS) {
                v.add(ok ? modelled(o, m) : null);
            }
            v.add(o.status());
            out.add(RowFactory.create(v.toArray()));
        }
        return out;
    }

    /** A small RFC 4180 reader: header row, quoted fields with commas and doubled quotes. */
    static final class Csv {
        private Csv() {
        }

        static List<Map<String, String>> parse(String text, String file) {
            List<List<String>> records = new ArrayList<>();
            List<String> cur = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        f.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cur.add(f.toString());
                    f.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    cur.add(f.toString());
                    f.setLength(0);
                    if (!(cur.size() == 1 && cur.get(0).isEmpty())) {
                        records.add(cur);
                    }
                    cur = new ArrayList<>();
                } else {
                    f.append(c);
                }
            }
            if (quoted) {
                throw new UserError(file + ": unterminated quoted field");
            }
            if (f.length() > 0 || !cur.isEmpty()) {
                cur.add(f.toString());
                records.add(cur);
            }
            if (records.isEmpty()) {
                throw new UserError(file + ": no header row");
            }
            List<String> header = records.get(0);
            for (String c : MacroPoints.REQUIRED) {
                if (!header.contains(c)) {
                    throw new UserError(file + ": missing column '" + c + "'; required: " + MacroPoints.REQUIRED);
                }
            }
            List<Map<String, String>> out = new ArrayList<>();
            for (int r = 1; r < records.size(); r++) {
                List<String> rec = records.get(r);
                if (rec.size() != header.size()) {
                    throw new UserError(file + ": line " + (r + 1) + " has " + rec.size() + " fields, the header "
                            + header.size());
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (int k = 0; k < header.size(); k++) {
                    m.put(header.get(k), rec.get(k));
                }
                out.add(m);
            }
            if (out.isEmpty()) {
                throw new UserError(file + ": no macro rows");
            }
            return out;
        }
    }
}
