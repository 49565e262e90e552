package org.aimc.jobs.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aimc.jobs.spark.ParetoJob;
import org.aimc.sim.pareto.Direction;
import org.aimc.sim.pareto.Objective;
import org.aimc.sim.pareto.ParetoFront;
import org.aimc.sim.pareto.ParetoSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code aimc report} page: plots of the tables of one results directory (registered as views of
 * their names), each a PNG from {@link Charts} embedded as a base64 data URI, so the single HTML file
 * opens anywhere without a network. Sections whose table is missing say so on the page.
 */
public final class Report {
    /** Energy breakdown columns of {@code points} (one tile MVM), in stacking order. */
    static final List<String> ENERGY_PARTS = List.of("energy_array_j", "energy_dac_j", "energy_adc_j",
            "energy_sense_j", "energy_digital_j");

    /**
     * Options of a report.
     *
     * @param isoError     heat map: points with mvm_rel_error ≤ this qualify (when accuracy_est is null)
     * @param isoAccuracy  heat map: points with accuracy_est ≥ this qualify; null: best accuracy_est − 0.01
     * @param maxScatter   at most this many points in a scatter plot (a deterministic hash sample)
     * @param maxBars      at most this many front points in the energy breakdown
     */
    public record Options(double isoError, Double isoAccuracy, int maxScatter, int maxBars) {
    }

    private final SparkSession spark;
    private final List<String> tables;
    private final Options o;
    private final StringBuilder body = new StringBuilder();
    private int images;

    private Report(SparkSession spark, List<String> tables, Options o) {
        this.spark = spark;
        this.tables = tables;
        this.o = o;
    }

    /** Number of images of the last page built (for messages). */
    public int images() {
        return images;
    }

    /**
     * Builds the page. The tables must already be registered as views.
     *
     * @param title shown at the top (the results directory)
     */
    public static Report build(SparkSession spark, List<String> tables, String title, Options o) {
        Report r = new Report(spark, tables, o);
        r.render(title);
        return r;
    }

    private String html;

    public String html() {
        return html;
    }

    private void render(String title) {
        if (!tables.contains("points")) {
            throw new org.aimc.jobs.cli.UserError("report: no 'points' table; tables: " + tables);
        }
        Row counts = one("SELECT count(*), count_if(feasible), first(sweep_id), count(accuracy_est) FROM points");
        long n = counts.getLong(0);
        long feasible = counts.getLong(1);
        boolean hasAccuracy = counts.getLong(3) > 0;
        String metric = hasAccuracy ? "accuracy_est" : "mvm_rel_error";
        Direction dir = hasAccuracy ? Direction.MAX : Direction.MIN;
        String metricLabel = hasAccuracy ? "estimated accuracy (accuracy_est)" : "relative MVM error (mvm_rel_error)";
        section("Summary");
        para(String.format(Locale.ROOT, "Sweep <b>%s</b>: %,d design points, %,d feasible. Tables: %s.",
                esc(counts.isNullAt(2) ? "?" : counts.getString(2)), n, feasible, esc(String.join(", ", tables))));
        if (!hasAccuracy) {
            note("accuracy_est is null for every point (the workload has no calibration curve yet), so the plots "
                    + "use the analytic relative MVM error mvm_rel_error (lower is better) in place of accuracy.");
        }

        // energy vs accuracy (or error), coloured by compute domain, with the 2-D front
        ParetoSpec frontSpec = ParetoSpec.of(List.of(new Objective("energy_per_inference_j", Direction.MIN),
                new Objective(metric, dir)));
        ParetoFront front = ParetoJob.fronts(spark.table("points").where("feasible"), frontSpec, List.of(), 0)
                .stream().findFirst().map(ParetoJob.GroupFront::front).orElse(ParetoFront.empty(frontSpec));
        String sample = sampleCondition("feasible AND energy_per_inference_j IS NOT NULL AND " + metric
                + " IS NOT NULL");
        List<Row> pts = spark.sql("SELECT compute_domain, memory_type, energy_per_inference_j, " + metric
                + ", chip_area_m2 FROM points WHERE " + sample).collectAsList();
        section("Energy vs " + (hasAccuracy ? "accuracy" : "MVM error"));
        // the front as a staircase: sorted by energy, a corner between neighbours
        int m = front.frontSize();
        Integer[] byEnergy = new Integer[m];
        for (int i = 0; i < m; i++) {
            byEnergy[i] = i;
        }
        Arrays.sort(byEnergy, (a, b) -> Double.compare(front.value(a, 0), front.value(b, 0)));
        double[] fx = new double[Math.max(0, 2 * m - 1)];
        double[] fy = new double[fx.length];
        for (int j = 0; j < m; j++) {
            fx[2 * j] = front.value(byEnergy[j], 0);
            fy[2 * j] = front.value(byEnergy[j], 1);
            if (j + 1 < m) {
                fx[2 * j + 1] = front.value(byEnergy[j + 1], 0);
                fy[2 * j + 1] = front.value(byEnergy[j], 1);
            }
        }
        image("Energy per inference vs " + metricLabel + ", by compute domain",
                Charts.scatter("Energy per inference vs " + metric, Charts.log("energy per inference (J)"),
                        hasAccuracy ? Charts.linear("accuracy_est") : Charts.log("mvm_rel_error"),
                        groups(pts, 0, 2, 3), new Charts.Series("Pareto front (" + m + " points)", fx, fy)),
                String.format(Locale.ROOT, "Each dot is a feasible design point (%s shown). The black line is the "
                        + "exact Pareto front of all %,d feasible points on (energy_per_inference_j:min, %s:%s).",
                        pts.size() < feasible ? "a deterministic sample of " + pts.size() : "all " + pts.size(),
                        front.inputs() - front.excluded(), metric, dir.id()));

        section("Chip area vs energy");
        image("Chip area vs energy per inference, by memory type",
                Charts.scatter("Chip area vs energy per inference", Charts.log("energy per inference (J)"),
                        Charts.log("chip area (m²)"), groups(pts, 1, 2, 4), null),
                "Area of all tiles holding the workload's weights against the energy of one inference.");

        heatMap(hasAccuracy, metric);
        breakdown(front, metric);
        timeSection();
        refinedSection();
        html = page(title);
    }

    private void heatMap(boolean hasAccuracy, String metric) {
        section("Best TOPS/W per memory and domain at iso-accuracy");
        String cond;
        String said;
        if (hasAccuracy) {
            double t = o.isoAccuracy() != null ? o.isoAccuracy()
                    : one("SELECT max(accuracy_est) FROM points WHERE feasible").getDouble(0) - 0.01;
            cond = "accuracy_est >= " + t;
            said = String.format(Locale.ROOT, "accuracy_est ≥ %.4f%s", t,
                    o.isoAccuracy() == null ? " (the best estimated accuracy minus 1 point)" : "");
        } else {
            cond = "mvm_rel_error <= " + o.isoError();
            said = String.format(Locale.ROOT, "mvm_rel_error ≤ %.4g", o.isoError());
        }
        List<Row> cells = spark.sql("SELECT memory_type, compute_domain, max(tops_per_w), count(*) FROM points "
                + "WHERE feasible AND " + cond + " GROUP BY 1, 2").collectAsList();
        TreeSet<String> mems = new TreeSet<>();
        TreeSet<String> doms = new TreeSet<>();
        for (Row r : spark.sql("SELECT DISTINCT memory_type, compute_domain FROM points").collectAsList()) {
            mems.add(r.getString(0));
            doms.add(r.getString(1));
        }
        List<String> rows = new ArrayList<>(mems);
        List<String> cols = new ArrayList<>(doms);
        Double[][] v = new Double[rows.size()][cols.size()];
        for (Row r : cells) {
            if (!r.isNullAt(2)) {
                v[rows.indexOf(r.getString(0))][cols.indexOf(r.getString(1))] = r.getDouble(2);
            }
        }
        image("Best TOPS/W at iso-accuracy", Charts.heatMap("Best TOPS/W where " + said, "memory type",
                "compute domain", rows, cols, v, "%.3g", "TOPS/W"),
                "Iso-accuracy threshold: " + esc(said) + ". Each cell is the highest workload TOPS/W among the "
                        + "feasible points of that memory type and compute domain meeting it; grey cells "
                        + "(\"none\") have no such point.");
    }

    private void breakdown(ParetoFront front, String metric) {
        section("Energy breakdown of the front's points");
        String source;
        List<Row> rows;
        String cols = "point_index, memory_type, compute_domain, energy_per_inference_j, "
                + String.join(", ", ENERGY_PARTS);
        if (tables.contains("pareto") && Arrays.asList(spark.table("pareto").columns()).contains("rank")) {
            rows = spark.sql("SELECT " + cols + ", pareto_objectives FROM pareto WHERE rank = 1 "
                    + "ORDER BY energy_per_inference_j, point_index").collectAsList();
            source = "the rank-1 points of the pareto table"
                    + (rows.isEmpty() || rows.get(0).isNullAt(rows.get(0).size() - 1) ? ""
                            : " (objectives " + rows.get(0).getString(rows.get(0).size() - 1) + ")");
        } else {
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < front.frontSize(); i++) {
                in.append(i == 0 ? "" : ",").append(front.index(i));
            }
            rows = front.frontSize() == 0 ? List.of() : spark.sql("SELECT " + cols + " FROM points WHERE point_index IN ("
                    + in + ") ORDER BY energy_per_inference_j, point_index").collectAsList();
            source = "the energy vs " + metric + " front above (no pareto table; run aimc pareto for other objectives)";
        }
        if (rows.isEmpty()) {
            note("No front points to show.");
            return;
        }
        List<Row> shown = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(rows.size() / (double) o.maxBars()));
        for (int i = 0; i < rows.size(); i += step) {
            shown.add(rows.get(i));
        }
        List<String> cats = new ArrayList<>();
        Map<String, double[]> parts = new LinkedHashMap<>();
        for (String p : ENERGY_PARTS) {
            parts.put(p.replace("energy_", "").replace("_j", ""), new double[shown.size()]);
        }
        for (int i = 0; i < shown.size(); i++) {
            Row r = shown.get(i);
            cats.add("#" + r.getLong(0) + " " + r.getString(1) + "/" + r.getString(2));
            int k = 0;
            for (double[] a : parts.values()) {
                a[i] = r.isNullAt(4 + k) ? 0 : r.getDouble(4 + k) * 1e12;
                k++;
            }
        }
        image("Energy breakdown of front points", Charts.stackedBars("Energy of one tile MVM by component",
                "design point (by energy per inference)", "energy per tile MVM (pJ)", cats, parts),
                String.format(Locale.ROOT, "Points from %s: %d of %d shown, in order of energy per inference. "
                        + "Bars split the energy of one tile MVM (energy_j) into array, DAC, ADC, sense and digital "
                        + "parts.", esc(source), shown.size(), rows.size()));
    }

    private void timeSection() {
        section("Accuracy vs time after programming");
        if (hasColumns("training", "time_s", "accuracy_hw_mean", "method")) {
            List<Row> rows = spark.sql("SELECT method, time_s, avg(accuracy_hw_mean) FROM training "
                    + "WHERE time_s > 0 AND accuracy_hw_mean IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2").collectAsList();
            if (!rows.isEmpty()) {
                image("Accuracy vs time after programming", Charts.lines("On-hardware accuracy vs time after "
                        + "programming", Charts.log("time after programming (s)"), Charts.linear("accuracy"),
                        groups(rows, 0, 1, 2)), "Mean of accuracy_hw_mean over the training table's points and "
                                + "seeds, per training method.");
                return;
            }
        }
        if (hasColumns("refined", "time_s", "accuracy_mean", "memory_type")
                && one("SELECT count(DISTINCT time_s) FROM refined").getLong(0) > 1) {
            List<Row> rows = spark.sql("SELECT memory_type, time_s, avg(accuracy_mean) FROM refined "
                    + "WHERE time_s > 0 GROUP BY 1, 2 ORDER BY 1, 2").collectAsList();
            image("Accuracy vs time after programming", Charts.lines("Refined accuracy vs time after programming",
                    Charts.log("time after programming (s)"), Charts.linear("accuracy"), groups(rows, 0, 1, 2)),
                    "Mean refined accuracy (accuracy_mean) per memory type at each time after programming.");
            return;
        }
        note("Not available: this needs a training table (time_s, accuracy_hw_mean, method) or a refined table "
                + "with several time_s values; present tables: " + String.join(", ", tables) + ".");
    }

    private void refinedSection() {
        section("Refined vs estimated accuracy");
        if (!hasColumns("refined", "accuracy_mean", "accuracy_est")) {
            note("Not available: no refined table with accuracy_mean and accuracy_est (run aimc refine); present "
                    + "tables: " + String.join(", ", tables) + ".");
            return;
        }
        boolean ci = hasColumns("refined", "accuracy_ci95_low", "accuracy_ci95_high");
        List<Row> rows = spark.sql("SELECT accuracy_est, accuracy_mean, "
                + (ci ? "accuracy_ci95_low, accuracy_ci95_high" : "accuracy_mean, accuracy_mean")
                + " FROM refined WHERE accuracy_est IS NOT NULL AND accuracy_mean IS NOT NULL").collectAsList();
        if (rows.isEmpty()) {
            note("Not available: the refined table has no row with both accuracy_est and accuracy_mean.");
            return;
        }
        double[][] c = new double[4][rows.size()];
        double sumAbs = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 4; k++) {
                c[k][i] = rows.get(i).getDouble(k);
            }
            sumAbs += Math.abs(c[1][i] - c[0][i]);
        }
        image("Refined vs estimated accuracy", Charts.errorScatter("Refined (tier B) vs estimated (tier A) accuracy",
                Charts.linear("accuracy_est (tier A)"), Charts.linear("accuracy_mean (refined)"), "refined points",
                c[0], c[1], c[2], c[3]),
                String.format(Locale.ROOT, "%d refined points; mean |refined − estimated| = %.4f.%s", rows.size(),
                        sumAbs / rows.size(), ci ? " Bars: 95%% confidence interval over chips." : ""));
    }

    private boolean hasColumns(String table, String... cols) {
        return tables.contains(table) && Arrays.asList(spark.table(table).columns()).containsAll(List.of(cols));
    }

    /** A deterministic sample condition keeping at most about maxScatter rows matching {@code cond}. */
    private String sampleCondition(String cond) {
        long n = one("SELECT count(*) FROM points WHERE " + cond).getLong(0);
        long stride = Math.max(1, (n + o.maxScatter() - 1) / o.maxScatter());
        return stride == 1 ? cond : cond + " AND pmod(xxhash64(point_index), " + stride + ") = 0";
    }

    /** Series keyed by the string column {@code key} with x, y from the numeric columns (nulls skipped). */
    private static List<Charts.Series> groups(List<Row> rows, int key, int x, int y) {
        Map<String, List<double[]>> m = new TreeMap<>();
        for (Row r : rows) {
            if (r.isNullAt(x) || r.isNullAt(y)) {
                continue;
            }
            m.computeIfAbsent(String.valueOf(r.get(key)), k -> new ArrayList<>())
                    .add(new double[] {((Number) r.get(x)).doubleValue(), ((Number) r.get(y)).doubleValue()});
        }
        List<Charts.Series> out = new ArrayList<>();
        m.forEach((k, l) -> out.add(new Charts.Series(k + " (" + l.size() + ")",
                l.stream().mapToDouble(p -> p[0]).toArray(), l.stream().mapToDouble(p -> p[1]).toArray())));
        return out;
    }

    private Row one(String sql) {
        return spark.sql(sql).collectAsList().get(0);
    }

    private void section(String h) {
        body.append("<h2>").append(esc(h)).append("</h2>\n");
    }

    private void para(String htmlText) {
        body.append("<p>").append(htmlText).append("</p>\n");
    }

    private void note(String text) {
        body.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
    }

    private void image(String alt, byte[] png, String captionHtml) {
        images++;
        body.append("<figure><img alt=\"").append(esc(alt)).append("\" width=\"").append(Charts.WIDTH)
                .append("\" height=\"").append(Charts.HEIGHT).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(captionHtml)
                .append("</figcaption></figure>\n");
    }

    private String page(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>aimc report: " + esc(title)
                + "</title>\n<style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}"
                + "figure{margin:1em 0}img{max-width:100%;height:auto;border:1px solid #ddd}"
                + "figcaption{font-size:0.9em;color:#444}.note{background:#fff6d5;border-left:4px solid #e0b000;"
                + "padding:0.5em 0.8em}</style>\n</head><body>\n<h1>aimc report</h1>\n<p>Results: <code>" + esc(title)
                + "</code>, generated " + esc(Instant.now().toString()) + ". Self-contained: every plot is embedded "
                + "in this file.</p>\n" + body + "</body></html>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
