package org.aimc.jobs.bench;

import java.util.concurrent.TimeUnit;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.Devices;
import org.aimc.sim.domain.ChipKey;
import org.aimc.sim.domain.DomainModel;
import org.aimc.sim.domain.Domains;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.domain.TileSimulator;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.PointSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Tier-B throughput: one batch of {@value #BATCH} input vectors through a programmed 256 x 256 tile of RRAM
 * (8-bit inputs and weights, 2-bit cells, differential; 1-bit cells for the capacitor domains; all device and
 * circuit nonidealities on, 8-bit converter, calibration on), per domain, against the same-sized dense
 * product computed ideally with EJML: the 256 x 256 cell matrix times 256 x 64 inputs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TileMvmBench {
    public static final int BATCH = 64;
    public static final int SIZE = 256;

    @Param({"current", "charge", "charge-redistribution", "capacitive-division", "resistive-division", "time"})
    public String domain;

    /** Fraction of zero inputs (ReLU sparsity); the sweep default is 0.5. */
    @Param({"0.5"})
    public double zeros;

    private TileSimulator tile;
    private int[][] inputs;
    private double[][] out;
    private DMatrixRMaj w;
    private DMatrixRMaj x;
    private DMatrixRMaj y;

    /** The design point of a domain: its native encoding and converter, every nonideality on. */
    public static String spec(String domain, double zeros) {
        String dac = domain.equals("charge") ? "pwm" : "bit-serial";
        String adc = domain.equals("time") ? "tdc" : "sar";
        String bpc = domain.equals("charge-redistribution") || domain.equals("capacitive-division") ? "1" : "2";
        return "name: bench\nseed: 1\nworkload: fashion-mlp\nbase:\n  device: {kind: rram}\n  domain: {kind: "
                + domain + "}\n  array: {rows: " + SIZE + ", cols: " + SIZE + "}\n  dac: {kind: " + dac + ", bits: 8}\n"
                + "  adc: {kind: " + adc + ", bits: 8}\n  mapping: {weight_bits: 8, bits_per_cell: " + bpc
                + ", signed: differential}\n  nonideal: {ir_drop: analytic, stuck_at: 1}\n  data: {input_zero_fraction: " + zeros
                + "}\n";
    }

    @Setup
    public void setup() {
        SweepPlan plan = SweepPlan.parse(spec(domain, zeros));
        PointSpec p = plan.space().decode(0);
        DeviceModel dev = Devices.registry().require(p.device().kind())
                .create(SweepPlan.deviceParams(p.device(), plan.spec().devices()));
        TileContext c = TileContext.of(p, dev);
        DomainModel m = Domains.registry().require(domain).create(SweepPlan.domainParams(p.domain()));
        UniformRandomProvider r = KeyedRandom.stream(1, 0, Purpose.DATA, 0);
        var g = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(r);
        int q = c.mapping.qMax();
        int[][] weights = new int[SIZE][c.weightColumns()];
        for (int[] row : weights) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (int) Math.max(-q, Math.min(q, Math.round(g.sample() * 0.25 * q)));
            }
        }
        tile = TileSimulator.program(c, m, weights, new ChipKey(1, 0, 0));
        int xMax = c.operands.xMax();
        inputs = new int[BATCH][SIZE];
        for (int[] v : inputs) {
            for (int i = 0; i < SIZE; i++) {
                v[i] = r.nextDouble() < zeros ? 0 : 1 + r.nextInt(xMax);
            }
        }
        out = new double[BATCH][c.weightColumns()];
        w = new DMatrixRMaj(SIZE, SIZE);
        x = new DMatrixRMaj(SIZE, BATCH);
        y = new DMatrixRMaj(SIZE, BATCH);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = g.sample();
        }
        for (int v = 0; v < BATCH; v++) {
            for (int i = 0; i < SIZE; i++) {
                x.set(i, v, inputs[v][i]);
            }
        }
    }

    /** One batch through the tier-B tile. */
    @Benchmark
    public void tile(Blackhole bh) {
        tile.mvm(inputs, out);
        bh.consume(out);
    }

    /** The same-sized product, ideal, with EJML (W^T x for 64 vectors, 256 x 256). */
    @Benchmark
    public void ejml(Blackhole bh) {
        CommonOps_DDRM.multTransA(w, x, y);
        bh.consume(y);
    }
}
