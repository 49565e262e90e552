package org.aimc.jobs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aimc.jobs.spark.SparkSessions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aimc sql RESULTS "SELECT ..."}: every table under RESULTS as a view, the answer printed. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run a Spark SQL query over the tables of a results directory.",
            "Every subdirectory holding Parquet data (points, pareto, refined, training, validation) is a view "
                    + "of its own name."})
public final class SqlCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format {
        table, csv, json
    }

    @Parameters(index = "0", paramLabel = "RESULTS", description = "Results directory (a sweep's --out).")
    String results;

    @Parameters(index = "1", paramLabel = "QUERY", description = "Spark SQL, e.g. \"SELECT count(*) FROM points\".")
    String query;

    @Option(names = "--format", paramLabel = "FMT", description = "table (default), csv or json.")
    Format format = Format.table;

    @Option(names = "--max-rows", paramLabel = "N", description = "Print at most N rows (default 1000).")
    int maxRows = 1000;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*].")
    String master;

    @Override
    public Integer call() throws Exception {
        if (maxRows < 1) {
            throw new UserError("--max-rows must be at least 1, got " + maxRows);
        }
        Masters.check(master);
        Path root = OutputPaths.input(results);
        List<String> tables = tables(root, new Configuration());
        SparkSession spark = SparkSessions.get(master, "aimc sql");
        registerViews(spark, root, tables);
        Dataset<Row> df;
        List<Row> rows;
        try {
            df = spark.sql(query);
            rows = df.limit(maxRows + 1).collectAsList();
        } catch (Exception e) {
            // Spark's AnalysisException (and its ParseException) is checked in Java terms but undeclared
            if (e instanceof AnalysisException a) {
                throw new UserError("query failed: " + a.getSimpleMessage() + " (tables: " + tables + ")");
            }
            throw e;
        }
        boolean more = rows.size() > maxRows;
        if (more) {
            rows = rows.subList(0, maxRows);
        }
        print(System.out, df.columns(), rows, format);
        if (more) {
            System.err.println("(more rows not shown; raise --max-rows)");
        }
        return 0;
    }

    /**
     * Registers each table (a subdirectory of {@code root}) as a view of its own name. A name that is not a
     * plain SQL identifier (e.g. {@code refined-pcm}) is registered as is and queried back-quoted:
     * {@code SELECT * FROM `refined-pcm`}.
     */
    static void registerViews(SparkSession spark, Path root, List<String> tables) {
        for (String t : tables) {
            spark.read().parquet(new Path(root, t).toString()).createOrReplaceTempView(viewName(t));
        }
    }

    /** The name under which Spark's parser accepts table {@code t}: itself, or back-quoted. */
    static String viewName(String t) {
        return t.matches("[A-Za-z_][A-Za-z0-9_]*") ? t : "`" + t.replace("`", "``") + "`";
    }

    /** Subdirectories of {@code root} that hold Parquet data. */
    static List<String> tables(Path root, Configuration conf) throws IOException {
        FileSystem fs = root.getFileSystem(conf);
        if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
            throw new UserError("results directory '" + root + "' does not exist");
        }
        List<String> out = new ArrayList<>();
        for (FileStatus s : fs.listStatus(root)) {
            String n = s.getPath().getName();
            if (s.isDirectory() && !n.startsWith("_") && !n.startsWith(".") && holdsParquet(fs, s.getPath(), 3)) {
                out.add(n);
            }
        }
        if (out.isEmpty()) {
            throw new UserError("no tables under '" + root + "' (expected subdirectories such as points/ with "
                    + "Parquet files)");
        }
        java.util.Collections.sort(out);
        return out;
    }

    private static boolean holdsParquet(FileSystem fs, Path p, int depth) throws IOException {
        for (FileStatus s : fs.listStatus(p)) {
            if (s.isFile() && s.getPath().getName().endsWith(".parquet")) {
                return true;
            }
            if (s.isDirectory() && depth > 0 && holdsParquet(fs, s.getPath(), depth - 1)) {
                return true;
            }
        }
        return false;
    }

    static void print(PrintStream out, String[] cols, List<Row> rows, Format f) {
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            String[] c = new String[cols.length];
            for (int i = 0; i < cols.length; i++) {
                c[i] = render(r.get(i));
            }
            cells.add(c);
        }
        switch (f) {
            case csv -> {
                out.println(csvLine(cols));
                for (Row r : rows) {
                    String[] c = new String[cols.length];
                    for (int i = 0; i < cols.length; i++) {
                        c[i] = r.isNullAt(i) ? "" : render(r.get(i)); // CSV: a null is an empty field
                    }
                    out.println(csvLine(c));
                }
            }
            case json -> {
                for (Row r : rows) {
                    StringBuilder sb = new StringBuilder("{");
                    for (int i = 0; i < cols.length; i++) {
                        if (i > 0) {
                            sb.append(',');
                        }
                        sb.append(jsonString(cols[i])).append(':').append(jsonValue(r.get(i)));
                    }
                    out.println(sb.append('}'));
                }
            }
            default -> {
                int[] w = new int[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    w[i] = cols[i].length();
                    for (String[] c : cells) {
                        w[i] = Math.max(w[i], c[i].length());
                    }
                }
                out.println(tableLine(cols, w));
                StringBuilder sep = new StringBuilder();
                for (int i = 0; i < cols.length; i++) {
                    sep.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
                }
                out.println(sep);
                for (String[] c : cells) {
                    out.println(tableLine(c, w));
                }
                out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
            }
        }
    }

    static String render(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            double a = Math.abs(d);
            if (d == Math.rint(d) && a < 1e15) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format(Locale.ROOT, "%.6g", d)
                    : String.format(Locale.ROOT, "%.6g", d).replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
        return v.toString();
    }

    static String tableLine(String[] c, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(String.format("%-" + w[i] + "s", c[i]));
        }
        return sb.toString().stripTrailing();
    }

    static String csvLine(String[] c) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String s = c[i];
            if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            sb.append(s);
        }
        return sb.toString();
    }

    static String jsonValue(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            if (v instanceof Double d && !Double.isFinite(d)) {
                return "null";
            }
            return v.toString();
        }
        return jsonString(v.toString());
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return sb.append('"').toString();
    }
}
