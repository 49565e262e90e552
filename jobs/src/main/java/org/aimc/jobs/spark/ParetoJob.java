package org.aimc.jobs.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aimc.jobs.cli.UserError;
import org.aimc.sim.pareto.Hypervolume;
import org.aimc.sim.pareto.Objective;
import org.aimc.sim.pareto.ParetoFront;
import org.aimc.sim.pareto.ParetoSpec;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Distributed Pareto analysis: every Spark partition builds sim-core {@link ParetoFront}s (one per
 * {@code --by} group) over the rows it reads, the partial fronts are merged (exact, order-independent),
 * and the driver ranks the merged front and computes each front point's hypervolume contribution. The
 * chosen points are then joined back to their table for all their columns.
 */
public final class ParetoJob {
    /** Columns the {@code pareto} table adds to the chosen points' own. */
    public static final List<String> ADDED_COLUMNS = List.of("rank", "hv_contribution", "pareto_objectives");
    private static final char SEP = '\u001f';
    private static final String NULL = "\u0000";

    private ParetoJob() {
    }

    /** The front of one group, its hypervolume and the group's values of the --by columns. */
    public record GroupFront(List<String> key, ParetoFront front, Hypervolume.Result hypervolume) {
        /** "memory_type=pcm, compute_domain=current", or "all points" without --by. */
        public String label(List<String> by) {
            if (by.isEmpty()) {
                return "all points";
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < by.size(); i++) {
                parts.add(by.get(i) + "=" + key.get(i));
            }
            return String.join(", ", parts);
        }

        /** Hypervolume as a share of the box between the front's ideal and the reference point. */
        public double hypervolumeShare() {
            return hypervolume.boxVolume() > 0 ? hypervolume.volume() / hypervolume.boxVolume() : 0;
        }
    }

    /**
     * Checks objectives and --by columns against a table's schema.
     *
     * @throws UserError naming the unknown column and the valid ones
     */
    public static void check(StructType schema, List<Objective> objectives, List<String> by) {
        List<String> numeric = Arrays.stream(schema.fields()).filter(f -> f.dataType() instanceof NumericType)
                .map(StructField::name).toList();
        List<String> all = Arrays.asList(schema.fieldNames());
        for (Objective o : objectives) {
            if (!all.contains(o.name())) {
                throw new UserError("--objectives: unknown column '" + o.name() + "'; numeric columns: " + numeric);
            }
            if (!numeric.contains(o.name())) {
                throw new UserError("--objectives: column '" + o.name() + "' is " + schema.apply(o.name()).dataType()
                        .simpleString() + ", not numeric; numeric columns: " + numeric);
            }
        }
        for (String b : by) {
            if (!all.contains(b)) {
                throw new UserError("--by: unknown column '" + b + "'; columns: " + all);
            }
            if (objectives.stream().anyMatch(o -> o.name().equals(b))) {
                throw new UserError("--by: column '" + b + "' is also an objective");
            }
        }
    }

    /**
     * One merged front per group of {@code by} values (a single group without --by), sorted by group.
     * Null objective values count as excluded.
     */
    public static List<GroupFront> fronts(Dataset<Row> rows, ParetoSpec spec, List<String> by, long hvSeed) {
        List<Column> cols = new ArrayList<>();
        for (String b : by) {
            cols.add(functions.col(b).cast(DataTypes.StringType));
        }
        cols.add(functions.col("point_index").cast(DataTypes.LongType));
        for (Objective o : spec.objectives()) {
            cols.add(functions.col(o.name()).cast(DataTypes.DoubleType));
        }
        int nb = by.size();
        int d = spec.dimensions();
        FlatMapFunction<Iterator<Row>, HashMap<String, ParetoFront>> perPartition = it -> {
            Map<String, ParetoFront.Builder> builders = new HashMap<>();
            double[] v = new double[d];
            StringBuilder key = new StringBuilder();
            while (it.hasNext()) {
                Row r = it.next();
                key.setLength(0);
                for (int i = 0; i < nb; i++) {
                    if (i > 0) {
                        key.append(SEP);
                    }
                    key.append(r.isNullAt(i) ? NULL : r.getString(i));
                }
                if (r.isNullAt(nb)) {
                    throw new IllegalStateException("a row has no point_index");
                }
                long index = r.getLong(nb);
                for (int k = 0; k < d; k++) {
                    v[k] = r.isNullAt(nb + 1 + k) ? Double.NaN : r.getDouble(nb + 1 + k);
                }
                builders.computeIfAbsent(key.toString(), k -> ParetoFront.builder(spec)).add(index, v);
            }
            HashMap<String, ParetoFront> out = new HashMap<>();
            builders.forEach((k, b) -> out.put(k, b.build()));
            return List.of(out).iterator();
        };
        List<HashMap<String, ParetoFront>> partials = rows.select(cols.toArray(Column[]::new)).javaRDD()
                .mapPartitions(perPartition).collect();
        Map<String, List<ParetoFront>> byKey = new TreeMap<>();
        for (HashMap<String, ParetoFront> m : partials) {
            m.forEach((k, f) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(f));
        }
        List<GroupFront> out = new ArrayList<>();
        for (Map.Entry<String, List<ParetoFront>> e : byKey.entrySet()) {
            ParetoFront f = ParetoFront.mergeAll(e.getValue());
            List<String> key = nb == 0 ? List.of() : Arrays.stream(e.getKey().split(String.valueOf(SEP), -1))
                    .map(s -> s.equals(NULL) ? null : s).toList();
            out.add(new GroupFront(key, f, Hypervolume.of(f, hvSeed)));
        }
        return out;
    }

    /**
     * The kept points with all columns of {@code table} plus {@link #ADDED_COLUMNS}: {@code rank} (1 =
     * front), {@code hv_contribution} (exclusive hypervolume contribution to its group's front as a share
     * of the box between the front's ideal and the reference point; null for rank > 1) and
     * {@code pareto_objectives}. Sorted by the --by columns, rank and point_index.
     */
    public static Dataset<Row> table(SparkSession spark, Dataset<Row> table, List<GroupFront> groups,
            List<String> by, ParetoSpec spec) {
        List<Row> rows = new ArrayList<>();
        for (GroupFront g : groups) {
            ParetoFront f = g.front();
            double box = g.hypervolume().boxVolume();
            for (int i = 0; i < f.size(); i++) {
                Double share = null;
                if (f.rank(i) == 1) {
                    share = box > 0 ? g.hypervolume().contributions()[i] / box : 0.0;
                }
                rows.add(RowFactory.create(f.index(i), f.rank(i), share));
            }
        }
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("point_index", DataTypes.LongType, false),
                DataTypes.createStructField("rank", DataTypes.IntegerType, false),
                DataTypes.createStructField("hv_contribution", DataTypes.DoubleType, true)));
        Dataset<Row> chosen = spark.createDataFrame(rows, schema);
        List<Column> order = new ArrayList<>();
        by.forEach(b -> order.add(functions.col(b)));
        order.add(functions.col("rank"));
        order.add(functions.col("point_index"));
        List<Column> out = new ArrayList<>();
        for (String c : table.columns()) {
            out.add(functions.col(c));
        }
        out.add(functions.col("rank"));
        out.add(functions.col("hv_contribution"));
        out.add(functions.lit(spec.objectivesText()).as("pareto_objectives"));
        return table.join(functions.broadcast(chosen), "point_index").select(out.toArray(Column[]::new))
                .repartition(1).sortWithinPartitions(order.toArray(Column[]::new));
    }

    /** Totals over groups. */
    public static long inputs(List<GroupFront> groups) {
        return groups.stream().mapToLong(g -> g.front().inputs()).sum();
    }

    public static long excluded(List<GroupFront> groups) {
        return groups.stream().mapToLong(g -> g.front().excluded()).sum();
    }
}
