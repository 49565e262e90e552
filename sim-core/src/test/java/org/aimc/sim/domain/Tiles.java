package org.aimc.sim.domain;

import org.aimc.sim.TestSpecs;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.Devices;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecPaths;
import org.apache.commons.rng.UniformRandomProvider;

/** Design points, random operands and Monte-Carlo error measurements for domain tests. */
final class Tiles {
    private Tiles() {
    }

    /**
     * The resolved point of a YAML base block (two-space indented sections), then {@code settings} of the
     * form {@code path=value} applied through the spec paths (e.g. {@code adc.kind=ideal}).
     */
    static Point point(String base, String... settings) {
        SweepPlan plan = TestSpecs.plan(base, "  operating.node_nm: [22]");
        PointSpec p = plan.space().decode(0);
        for (String s : settings) {
            int eq = s.indexOf('=');
            SpecPaths.Path path = SpecPaths.resolve(s.substring(0, eq));
            String v = s.substring(eq + 1);
            Object value = switch (path.type()) {
                case INT -> Integer.parseInt(v);
                case DOUBLE -> Double.parseDouble(v);
                case BOOL -> Boolean.parseBoolean(v);
                case STRING -> v;
            };
            p = path.set(p, value);
        }
        DeviceModel dev = Devices.registry().require(p.device().kind())
                .create(SweepPlan.deviceParams(p.device(), plan.spec().devices()));
        TileContext c = TileContext.of(p, dev);
        DomainModel m = Domains.registry().require(p.domain().kind()).create(SweepPlan.domainParams(p.domain()));
        return new Point(c, m);
    }

    record Point(TileContext c, DomainModel model) {
        ErrorBudget budget() {
            ErrorBudget b = new ErrorBudget();
            model.errors(c, b);
            return b;
        }
    }

    /** Weights drawn from the point's weight distribution, [rows][cols]. */
    static int[][] weights(TileContext c, int rows, int cols, long seed) {
        UniformRandomProvider r = KeyedRandom.stream(seed, 0, Purpose.DATA, 0);
        int[][] w = new int[rows][cols];
        OperandStats ops = c.operands;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double u = r.nextDouble();
                int q = ops.qMax();
                int v = q;
                for (int k = -q; k < q; k++) {
                    u -= ops.pWeight(k);
                    if (u < 0) {
                        v = k;
                        break;
                    }
                }
                w[i][j] = v;
            }
        }
        return w;
    }

    /** Input vectors drawn from the point's input distribution, [vectors][rows]. */
    static int[][] inputs(TileContext c, int vectors, int rows, long seed) {
        UniformRandomProvider r = KeyedRandom.stream(seed, 0, Purpose.DATA, 1);
        OperandStats ops = c.operands;
        double nonZero = ops.ex() / ((ops.xMax() + 1) / 2.0);
        int[][] x = new int[vectors][rows];
        for (int[] v : x) {
            for (int i = 0; i < rows; i++) {
                v[i] = r.nextDouble() < nonZero ? 1 + r.nextInt(ops.xMax()) : 0;
            }
        }
        return x;
    }

    /** y = W^T x for every vector, [vectors][cols]. */
    static double[][] ideal(int[][] w, int[][] x) {
        int cols = w[0].length;
        double[][] y = new double[x.length][cols];
        for (int v = 0; v < x.length; v++) {
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < cols; j++) {
                    y[v][j] += (double) w[i][j] * x[v][i];
                }
            }
        }
        return y;
    }

    /**
     * Sum of squared errors and of squared ideal outputs of {@code chips} chip instances of a full tile
     * (one evaluation: all its compute rows), {@code vectors} input vectors each: {sum e^2, sum y^2}.
     */
    static double[] monteCarlo(Point p, int chips, int vectors, long seed) {
        double[] m = new double[5];
        for (int chip = 0; chip < chips; chip++) {
            double[][][] r = simulate(p, chip, vectors, seed);
            errorMoments(r[0], r[1], m);
        }
        return new double[] {m[0], m[1]};
    }

    /**
     * Adds the error moments of outputs {@code y} against {@code ideal} ([vector][column]) to {@code m}:
     * {Σ e², Σ y², Σ e y, Σ e, count}, e = y - ideal, y the ideal output.
     */
    static void errorMoments(double[][] y, double[][] ideal, double[] m) {
        for (int v = 0; v < y.length; v++) {
            for (int j = 0; j < y[v].length; j++) {
                double e = y[v][j] - ideal[v][j];
                double yi = ideal[v][j];
                m[0] += e * e;
                m[1] += yi * yi;
                m[2] += e * yi;
                m[3] += e;
                m[4] += 1;
            }
        }
    }

    /** One chip instance of {@link #monteCarlo}: {simulated outputs, ideal outputs}, [vector][column]. */
    static double[][][] simulate(Point p, int chip, int vectors, long seed) {
        TileContext c = p.c();
        int rows = c.computeRows();
        int cols = c.weightColumns();
        int[][] w = weights(c, rows, cols, seed + 1000L * chip);
        int[][] x = inputs(c, vectors, rows, seed + 1000L * chip + 1);
        TileSimulator t = TileSimulator.program(c, p.model(), w, new ChipKey(seed, 0, chip));
        double[][] y = new double[vectors][cols];
        t.mvm(x, y);
        return new double[][][] {y, ideal(w, x)};
    }

    /**
     * The mean error of every output of {@link #monteCarlo}'s tiles and its standard error (over the per-chip
     * means, the chips being the independent draws): {mean, standard error}.
     */
    static double[] monteCarloMean(Point p, int chips, int vectors, long seed) {
        double[] perChip = new double[chips];
        for (int chip = 0; chip < chips; chip++) {
            double[][][] r = simulate(p, chip, vectors, seed);
            double[] m = new double[5];
            errorMoments(r[0], r[1], m);
            perChip[chip] = m[3] / m[4];
        }
        double[] st = org.aimc.sim.accuracy.CalibrationCurve.sampleStatistics(perChip);
        return new double[] {st[0], st[1] / Math.sqrt(chips)};
    }
}
