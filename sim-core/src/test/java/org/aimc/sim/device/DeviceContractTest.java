package org.aimc.sim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aimc.sim.config.Presets;
import org.aimc.sim.config.SpecYaml;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.DeviceFamily;
import org.aimc.sim.spec.DeviceSpec;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.aimc.sim.spec.SweepSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered memory type and every one of its presets satisfies (conventions.md:
 * "every plug-in kind passes an abstract contract test that runs over everything in the registry").
 */
class DeviceContractTest {
    static final double[] KNOBS = {0.5, 2};
    static final double DAY = 86400;

    /** (kind, preset) for every registered kind and every preset in its conf/devices file. */
    static Stream<Arguments> presets() {
        List<Arguments> out = new ArrayList<>();
        for (String kind : Devices.registry().ids()) {
            for (String preset : Presets.family(kind).presets().keySet()) {
                out.add(Arguments.of(kind, preset));
            }
        }
        return out.stream();
    }

    static DeviceModel model(String kind, String preset) {
        DeviceFamily fam = Presets.family(kind);
        ParamValues v = SweepPlan.deviceParams(new DeviceSpec(kind, preset, new TreeMap<>()), Map.of(kind, fam));
        return Devices.registry().require(kind).create(v);
    }

    /** Targets at every level of the device's bits_per_cell_max. */
    static double[] levels(DeviceModel d) {
        int n = 1 << d.params().bitsPerCellMax;
        double[] g = new double[n];
        for (int l = 0; l < n; l++) {
            g[l] = d.params().gMinS + l * (d.params().gMaxS - d.params().gMinS) / (n - 1);
        }
        return g;
    }

    static ZigguratSampler.NormalizedGaussian gauss(long seed, Purpose p) {
        return ZigguratSampler.NormalizedGaussian.of(KeyedRandom.stream(seed, 0, p, 0));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("presets")
    void withEveryKnobOffDevicesHoldTheirTargetsExactly(String kind, String preset) {
        DeviceModel d = model(kind, preset);
        assertEquals(kind, d.kind());
        var z = gauss(1, Purpose.PROGRAMMING);
        UniformRandomProvider u = KeyedRandom.stream(1, 0, Purpose.STUCK_AT, 0);
        DeviceMoments m = new DeviceMoments();
        for (double g : levels(d)) {
            for (int i = 0; i < 100; i++) {
                assertEquals(0, d.sampleStuck(0, u));
                double gp = d.samplePrograms(g, 0, z);
                assertEquals(g, gp, 0, "programmed = target");
                assertEquals(g, d.sampleDrift(g, gp, DAY, 0, z), 0, "no drift");
                assertEquals(g, d.sampleRead(g, g, DAY, 0, z), 0, "no read noise");
                assertEquals(g * d.params().readVoltageV, d.current(g, g, d.params().readVoltageV * 0.3, 0)
                        / 0.3, 1e-15 * g, "ohmic with the nonlinearity knob at 0");
            }
            d.moments(g, DAY, 0, 0, 0, m.clear());
            assertEquals(0, m.programmingMean, 0);
            assertEquals(0, m.programmingVar, 0);
            assertEquals(0, m.driftMean, 0);
            assertEquals(0, m.driftVar, 1e-30);
            assertEquals(0, m.readVar, 0);
            // temperature knob 0: the device as its preset describes it
            DeviceMoments a = new DeviceMoments();
            d.moments(g, DAY, 1, 1, 1, m.clear());
            d.atTemperature(400, 0).moments(g, DAY, 1, 1, 1, a.clear());
            assertEquals(m.programmingVar, a.programmingVar, 0);
            assertEquals(m.driftMean, a.driftMean, 0);
            assertEquals(m.driftVar, a.driftVar, 0);
            assertEquals(m.readVar, a.readVar, 0);
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("presets")
    void sigmasAndRatesScaleLinearlyWithTheirKnobs(String kind, String preset) {
        DeviceModel d = model(kind, preset);
        double g = 0.5 * (d.params().gMinS + d.params().gMaxS);
        DeviceMoments one = new DeviceMoments();
        DeviceMoments k = new DeviceMoments();
        DeviceMoments oneRead = new DeviceMoments();
        d.moments(g, DAY, 1, 0, 0, one.clear());
        d.moments(g, DAY, 0, 1, 0, oneRead.clear());
        for (double knob : KNOBS) {
            // mid-window: clipping at zero conductance is negligible (below 1e-5) for every preset
            d.moments(g, DAY, knob, 0, 0, k.clear());
            assertEquals(knob * Math.sqrt(one.programmingVar), Math.sqrt(k.programmingVar),
                    1e-5 * knob * Math.sqrt(one.programmingVar) + 1e-30, "programming sigma");
            d.moments(g, DAY, 0, knob, 0, k.clear());
            assertEquals(knob * Math.sqrt(oneRead.readVar), Math.sqrt(k.readVar),
                    1e-5 * knob * Math.sqrt(oneRead.readVar) + 1e-30, "read sigma");
            assertEquals(knob * d.params().stuckAtGMinRate, d.params().stuckAtGMin(knob), 1e-15);
            assertEquals(knob * d.params().stuckAtGMaxRate, d.params().stuckAtGMax(knob), 1e-15);
            // sampled: the same normal draws give knob times the deviation
            var z1 = gauss(7, Purpose.PROGRAMMING);
            var zk = gauss(7, Purpose.PROGRAMMING);
            var r1 = gauss(8, Purpose.READ_NOISE);
            var rk = gauss(8, Purpose.READ_NOISE);
            for (int i = 0; i < 1000; i++) {
                double e1 = d.samplePrograms(g, 1, z1) - g;
                double ek = d.samplePrograms(g, knob, zk) - g;
                assertEquals(knob * e1, ek, 1e-9 * g);
                double q1 = d.sampleRead(g, g, DAY, 1, r1) - g;
                double qk = d.sampleRead(g, g, DAY, knob, rk) - g;
                assertEquals(knob * q1, qk, 1e-9 * g);
            }
        }
        // the I-V curve is normalised at the read voltage, and its departure from ohmic scales with the knob
        for (double gl : levels(d)) {
            double vr = d.params().readVoltageV;
            assertEquals(1.0, d.ivFactor(gl, vr), 1e-12);
            double v = 0.4 * vr;
            double dev1 = d.current(gl, gl, v, 1) - gl * v;
            assertEquals(2 * dev1, d.current(gl, gl, v, 2) - gl * v, 1e-12 * gl * v + 1e-30);
        }
    }

    /**
     * The closed-form moments describe the samplers' distribution: 40 000 devices per level programmed,
     * drifted for a day and read once, at the preset's temperature and 40 K above it; sampled means and
     * variances agree within six standard errors.
     */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("presets")
    void momentsDescribeTheSamplers(String kind, String preset) {
        DeviceModel base = model(kind, preset);
        int n = 40_000;
        for (double temp : new double[] {0, 1}) {
            DeviceModel d = base.atTemperature(340, temp);
            double[] gs = levels(d);
            for (int li : new int[] {0, gs.length / 2, gs.length - 1}) {
                double g = gs[li];
                var zp = gauss(11 + li, Purpose.PROGRAMMING);
                var zd = gauss(11 + li, Purpose.DRIFT);
                var zr = gauss(11 + li, Purpose.READ_NOISE);
                double[] sp = new double[2];
                double[] st = new double[2];
                double sr = 0;
                double[] sr4 = new double[2];
                for (int i = 0; i < n; i++) {
                    double gp = d.samplePrograms(g, 1, zp);
                    double gt = d.sampleDrift(g, gp, DAY, 1, zd);
                    double gr = d.sampleRead(g, gt, DAY, 1, zr);
                    sp[0] += gp;
                    sp[1] += gp * gp;
                    st[0] += gt;
                    st[1] += gt * gt;
                    sr += (gr - gt) * (gr - gt);
                    sr4[0] += Math.pow(gr - gt, 4);
                }
                DeviceMoments m = new DeviceMoments();
                d.moments(g, DAY, 1, 1, 1, m);
                String at = kind + "/" + preset + " level " + li + " temperature knob " + temp;
                checkMoments(sp, n, g + m.programmingMean, m.programmingVar, at + " programmed");
                checkMoments(st, n, g + m.programmingMean + m.driftMean, m.programmingVar + m.driftVar, at + " drifted");
                double readVar = sr / n;
                double seRead = Math.sqrt(Math.max(sr4[0] / n - readVar * readVar, 0) / n);
                assertEquals(m.readVar, readVar, 6 * seRead + 1e-12 * g * g, at + " read variance");
            }
        }
    }

    static void checkMoments(double[] s, int n, double mean, double var, String what) {
        double m = s[0] / n;
        double v = Math.max(s[1] / n - m * m, 0);
        double scale = Math.abs(mean) + 1e-30;
        assertEquals(mean, m, 6 * Math.sqrt(var / n) + 1e-12 * scale, what + " mean");
        // standard error of a variance estimate ~ var sqrt(2 / n) for near-normal data (x 2 for heavier tails)
        assertEquals(var, v, 12 * var * Math.sqrt(2.0 / n) + 1e-20 * scale * scale, what + " variance");
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("presets")
    void aSpecWithThisDeviceRoundTripsThroughYaml(String kind, String preset) {
        String yaml = "name: rt\nseed: 3\nworkload: fashion-mlp\nbase:\n  device: {kind: " + kind + ", preset: " + preset
                + "}\n  nonideal: {stuck_at: 0.5, nonlinearity: 2, temperature: 0.25}\n  operating: {temperature_k: 330}\n"
                + "axes:\n  nonideal.stuck_at: [0, 1]\n  device." + firstOwnParam(kind) + ": ["
                + Presets.family(kind).preset(preset).params().get(firstOwnParam(kind)).value() + "]\n";
        SweepPlan p = SweepPlan.parse(yaml);
        SweepSpec again = SpecYaml.parseSweep(p.canonicalText());
        assertEquals(p.spec(), again);
        assertEquals(p.canonicalText(), SpecYaml.canonical(again));
        assertEquals(p.specHash(), SweepPlan.of(again).specHash());
        assertEquals(0.25, p.space().decode(1).nonideal().temperature(), 0);
        assertEquals(1.0, p.space().decode(1).nonideal().stuckAt(), 0);
    }

    /** The first parameter of a kind beyond the common ones. */
    static String firstOwnParam(String kind) {
        List<ParamDef> all = Devices.registry().require(kind).parameters();
        return all.get(DeviceParams.COMMON.size()).name();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("presets")
    void presetsAreCompleteAndPhysical(String kind, String preset) {
        DeviceModel d = model(kind, preset);
        DeviceParams p = d.params();
        assertTrue(p.gMinS >= 0 && p.gMaxS > p.gMinS);
        assertTrue(p.cellAreaF2 > 0 && p.enduranceCycles >= 1 && p.readVoltageV > 0);
        assertTrue(p.stuckAtGMinRate + p.stuckAtGMaxRate < 0.05, "fault rates are small fractions");
        for (var e : Presets.family(kind).preset(preset).params().entrySet()) {
            assertTrue(e.getValue().source().length() > 10, e.getKey() + " has a source");
        }
        for (double g : levels(d)) {
            assertTrue(d.programmingSigma(g) >= 0);
        }
    }
}
