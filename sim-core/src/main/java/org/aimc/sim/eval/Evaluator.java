package org.aimc.sim.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.aimc.sim.accuracy.AccuracySurrogate;
import org.aimc.sim.accuracy.CalibrationCurve;
import org.aimc.sim.accuracy.DeviceErrorStats;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.crossbar.CrossbarException;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.Devices;
import org.aimc.sim.domain.DomainModel;
import org.aimc.sim.domain.Domains;
import org.aimc.sim.domain.ReadoutMemo;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.domain.TileCost;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.peripheral.AdcErrors;
import org.aimc.sim.peripheral.AdcKind;
import org.aimc.sim.peripheral.DacErrors;
import org.aimc.sim.peripheral.DacKind;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.peripheral.Peripherals;
import org.aimc.sim.spec.DataSpec;
import org.aimc.sim.spec.DeviceSpec;
import org.aimc.sim.spec.DomainSpec;
import org.aimc.sim.spec.MappingSpec;
import org.aimc.sim.spec.NonidealSpec;
import org.aimc.sim.spec.ParamValues;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecPaths;
import org.aimc.sim.space.DesignSpace;
import org.aimc.sim.space.SweepPlan;

/**
 * The analytic (tier A) evaluation of a sweep's design points: {@link #evaluate(long)} is a pure function
 * of the plan and the point index, returning the point's {@code points} row in {@link ResultColumns}
 * order. Models and statistics shared by many points are memoised; an instance is not thread-safe, so use
 * one per thread (one per Spark task).
 */
public final class Evaluator {
    /** Axes whose values select the device, domain and converter models. */
    private static final Predicate<String> PART_AXES = p -> p.startsWith("device.") || p.startsWith("domain.")
            || p.equals("dac.kind") || p.equals("adc.kind") || Evaluator.converterParam(p);
    /**
     * Axes whose values change the mapping, operand statistics or device-error statistics (the DAC kind
     * decides whether the I-V nonlinearity moments are needed).
     */
    private static final Predicate<String> STATS_AXES = p -> p.startsWith("device.") || p.startsWith("mapping.")
            || p.startsWith("data.") || p.equals("dac.bits") || p.equals("nonideal.programming_noise")
            || p.equals("nonideal.read_noise") || p.equals("nonideal.drift") || p.equals("operating.time_s")
            || p.equals("operating.drift_compensation") || p.equals("nonideal.stuck_at")
            || p.equals("nonideal.nonlinearity") || p.equals("nonideal.temperature")
            || p.equals("operating.temperature_k") || p.equals("dac.kind");

    private final SweepPlan plan;
    private final CalibrationCurve curve;
    private final String sweepId;
    private final String specHash;
    private final int[] digits;
    private final DesignSpace.Decoder decoder;
    private final SubspaceCache<Parts> partsByDigits;
    private final SubspaceCache<Stats> statsByDigits;
    private final Map<DeviceSpec, ResolvedDevice> devices = new HashMap<>();
    private final Map<DomainSpec, ResolvedDomain> domains = new HashMap<>();
    private final Map<StatsKey, Stats> statsBySpec = new HashMap<>();
    private final TileCost cost = new TileCost();
    /** Error budgets shared by points that differ only in paths their domain's budget does not read. */
    private final Map<Long, double[]> budgets = new HashMap<>();
    private static final int MAX_BUDGETS = 500_000;
    /** The budget key of the point being filled (digits of the axes its budget reads), or -1. */
    private long errorKey = -1;
    private final int[] radix;
    /** Results of expensive sub-models shared by many points (see {@link TileContext#memo}). */
    private final Map<Object, Double> memo = new HashMap<>();
    private final NetworkRollup rollup = new NetworkRollup();
    private final ErrorBudget budget = new ErrorBudget();
    private final ReadoutMemo readouts = new ReadoutMemo();

    private record ResolvedDevice(DeviceModel model, ParamValues params, String text, String preset) {
    }

    private record ResolvedDomain(DomainModel model, String text) {
    }

    /** The models a point is built from. */
    private record Parts(ResolvedDevice device, ResolvedDomain domain, DacKind dac, AdcKind adc,
            ResolvedConverters converters) {
    }

    /** Converter error parameters resolved from the spec, with their text. */
    private record ResolvedConverters(AdcErrors adc, DacErrors dac, String adcText, String dacText) {
    }

    /** True for an {@code adc.<param>} / {@code dac.<param>} override path. */
    static boolean converterParam(String path) {
        return (path.startsWith("adc.") || path.startsWith("dac."))
                && SpecPaths.fixed().stream().noneMatch(f -> f.name().equals(path));
    }

    /** The statistics a point's estimates average over, and the device at the point's temperature. */
    private record Stats(WeightMapping mapping, OperandStats operands, DeviceErrorStats deviceErrors,
            DeviceModel device) {
    }

    private record StatsKey(DeviceSpec device, MappingSpec mapping, DataSpec data, int inputBits, double prog,
            double read, double drift, double timeS, boolean compensate, double stuckAt, double nonlinearity,
            double temperature, double temperatureK, String dacKind) {
    }

    public Evaluator(SweepPlan plan) {
        this(plan, null);
    }

    /**
     * An evaluator that also estimates accuracy (tier A) through {@code curve}, the calibration curve of the
     * sweep's workload; null, or a curve of another workload, leaves {@code accuracy_est} null.
     */
    public Evaluator(SweepPlan plan, CalibrationCurve curve) {
        this.curve = curve != null && curve.workloadId().equals(plan.spec().workload().id()) ? curve : null;
        this.plan = plan;
        this.sweepId = plan.sweepId();
        this.specHash = plan.specHash();
        DesignSpace space = plan.space();
        this.digits = new int[space.axisCount()];
        this.decoder = space.decoder();
        this.radix = new int[space.axisCount()];
        for (int a = 0; a < radix.length; a++) {
            radix[a] = space.axes().get(a).size();
        }
        this.partsByDigits = new SubspaceCache<>(space, PART_AXES);
        this.statsByDigits = new SubspaceCache<>(space, STATS_AXES);
    }

    public SweepPlan plan() {
        return plan;
    }

    /** The {@code points} row of point {@code index}, boxed (tests, small runs). */
    public Object[] evaluate(long index) {
        return evaluate(index, new ResultRow()).toObjects();
    }

    /**
     * Fills {@code row} with the {@code points} row of point {@code index}. Models and statistics are
     * memoised by the values of the axes they depend on. Modifies {@code row}.
     *
     * @return {@code row}
     */
    public ResultRow evaluate(long index, ResultRow row) {
        PointSpec p = decoder.decode(index, digits);
        Parts parts = partsByDigits.get(digits, () -> parts(p));
        Stats st = statsByDigits.get(digits, () -> stats(p, parts));
        errorKey = errorKey(p, parts.domain.model);
        try {
            return fill(index, p, parts, st, row);
        } finally {
            errorKey = -1;
        }
    }

    /**
     * Fills {@code row} for an explicit design point (points outside a sweep, e.g. validation). Modifies
     * {@code row}.
     */
    public ResultRow evaluate(long index, PointSpec p, ResultRow row) {
        Parts parts = parts(p);
        Stats st = statsBySpec.computeIfAbsent(new StatsKey(p.device(), p.mapping(), p.data(), p.dac().bits(),
                p.nonideal().programmingNoise(), p.nonideal().readNoise(), p.nonideal().drift(), p.operating().timeS(),
                p.operating().driftCompensation(), p.nonideal().stuckAt(), p.nonideal().nonlinearity(),
                p.nonideal().temperature(), p.operating().temperatureK(), p.dac().kind()), k -> stats(p, parts));
        return fill(index, p, parts, st, row);
    }

    private Parts parts(PointSpec p) {
        ParamValues a = Peripherals.adcParams(p.adc().kind(), p.adc().overrides());
        ParamValues d = Peripherals.dacParams(p.dac().kind(), p.dac().overrides());
        return new Parts(device(p.device()), domain(p.domain()), Peripherals.dacs().require(p.dac().kind()),
                Peripherals.adcs().require(p.adc().kind()),
                new ResolvedConverters(AdcErrors.of(a), DacErrors.of(d), text(a), text(d)));
    }

    /** Mixed-radix number of the digits of the axes the point's error budget reads. */
    private long errorKey(PointSpec p, DomainModel dm) {
        long key = 0;
        java.util.List<org.aimc.sim.spec.Axis> axes = plan.space().axes();
        for (int a = 0; a < radix.length; a++) {
            int d = dm.errorsDependOn(axes.get(a).path(), p) ? digits[a] : 0;
            key = key * radix[a] + d;
        }
        return key;
    }

    private static Stats stats(PointSpec p, Parts parts) {
        DeviceModel dev = parts.device.model.atTemperature(p.operating().temperatureK(), p.nonideal().temperature());
        WeightMapping map = new WeightMapping(p.mapping(), dev.params().bitsPerCellMax);
        OperandStats ops = new OperandStats(p.data(), p.mapping().weightBits(), p.dac().bits());
        // the I-V nonlinearity acts on amplitude-encoded inputs only: skip its moments otherwise
        NonidealSpec knobs = parts.dac.encoding() == Encoding.AMPLITUDE ? p.nonideal()
                : p.nonideal().withNonlinearity(0);
        DeviceErrorStats st = new DeviceErrorStats(dev, map, ops, knobs, p.operating().timeS(),
                p.operating().driftCompensation());
        return new Stats(map, ops, st, dev);
    }

    private ResultRow fill(long index, PointSpec p, Parts parts, Stats st, ResultRow row) {
        WeightMapping map = st.mapping;
        row.reset();
        header(row, index, p, map, parts);
        String reason = null;
        TileContext ctx = null;
        if (p.array().cols() < map.columnsPerWeight()) {
            reason = "array.cols = " + p.array().cols() + " is narrower than one weight column, which needs "
                    + map.slices() + " slices x " + map.devicesPerSlice() + " devices = " + map.columnsPerWeight()
                    + " columns";
        } else {
            ctx = new TileContext(p, st.device, map, st.operands, st.deviceErrors, parts.dac, parts.adc,
                    new Technology(p.operating()), parts.converters.adc, parts.converters.dac, memo, readouts);
            reason = parts.domain.model.infeasibility(ctx);
        }
        if (reason != null) {
            return row.putBoolean(false).putString(reason).fillNulls();
        }
        int headerEnd = row.position();
        try {
            return metrics(row, ctx, parts.domain.model);
        } catch (ResultRow.NonFinite f) {
            row.rewind(headerEnd);
            return row.putBoolean(false).putString("numerical failure: " + f.getMessage()).fillNulls();
        } catch (CrossbarException e) {
            // the crossbar network of this point cannot be operated (e.g. a selector the read voltage cannot open)
            row.rewind(headerEnd);
            return row.putBoolean(false).putString("crossbar: " + e.getMessage()).fillNulls();
        }
    }

    private ResultRow metrics(ResultRow row, TileContext ctx, DomainModel dm) {
        PointSpec p = ctx.spec;
        row.putBoolean(true).putNull();
        // one evaluation of the tile: its compute rows (all rows without local weight multiplexing)
        int rows = ctx.computeRows();
        int wc = ctx.weightColumns();
        dm.cost(ctx, rows, wc, cost);
        double e = cost.energyJ();
        double area = cost.areaM2();
        double lat = cost.latencyS;
        row.putDouble(e).putDouble(cost.energyArrayJ).putDouble(cost.energyDacJ).putDouble(cost.energyAdcJ)
                .putDouble(cost.energySenseJ).putDouble(cost.energyDigitalJ).putDouble(lat);
        row.putDouble(area).putDouble(cost.areaArrayM2).putDouble(cost.areaDacM2).putDouble(cost.areaAdcM2)
                .putDouble(cost.areaSenseM2).putDouble(cost.areaDigitalM2);
        double ops = 2.0 * rows * wc;
        row.putInt(wc).putDouble(ops / e / 1e12).putDouble(ops / lat / (area * 1e6) / 1e12);

        rollup.compute(plan.spec().workload(), ctx, dm, area, lat);
        row.putLong(rollup.tiles).putDouble(rollup.energyJ).putDouble(rollup.latencyS)
                .putDouble(rollup.latencyPipelinedS).putDouble(rollup.areaM2).putDouble(rollup.utilization)
                .putDouble(2 * rollup.macs / rollup.energyJ / 1e12)
                .putDouble(2 * rollup.macs / rollup.latencyS / (rollup.areaM2 * 1e6) / 1e12);

        ErrorBudget b = budget.clear();
        long key = errorKey >= 0 ? errorKey : -1;
        double[] known = key >= 0 ? budgets.get(key) : null;
        if (known != null) {
            b.restore(known);
        } else {
            dm.errors(ctx, b);
            if (key >= 0) {
                if (budgets.size() >= MAX_BUDGETS) {
                    budgets.clear();
                }
                budgets.put(key, b.snapshot());
            }
        }
        double snr = b.snrDb();
        ErrorSource dominant = b.dominant();
        row.putDouble(b.relativeError());
        if (Double.isInfinite(snr)) {
            row.putNull();
        } else {
            row.putDouble(snr);
        }
        row.putString(dominant == null ? null : dominant.id());
        for (ErrorSource source : ErrorSource.values()) {
            row.putDouble(b.relativeError(source));
        }
        double gain = b.gain();
        double effective = b.effectiveRelativeError();
        row.putDouble(gain);
        if (Double.isInfinite(effective)) {
            row.putNull(); // the gain removes the whole signal
        } else {
            row.putDouble(effective);
        }
        double operand = ctx.operands.quantisationRelError();
        row.putDouble(operand);
        if (curve == null) {
            row.putNull().putNull().putNull().putNull();
        } else {
            int q = ctx.operands.qMax();
            AccuracySurrogate.Lookup at = AccuracySurrogate.lookup(b, operand, curve.signal(), p.array().rows(),
                    ctx.operands.ew2() / ((double) q * q), p.adc().fullScale().equals("sigma"),
                    ctx.dac.encoding() == Encoding.BIT_SERIAL ? ctx.inputBits() : 0, curve.hasOffsets());
            double sigma = at.sigma();
            if (Double.isInfinite(sigma)) {
                row.putNull().putNull().putDouble(curve.estimate(Double.MAX_VALUE)).putString("A");
            } else {
                row.putDouble(sigma).putDouble(at.offset()).putDouble(curve.estimate(sigma, at.offset()))
                        .putString("A");
            }
        }
        return row;
    }

    private void header(ResultRow row, long index, PointSpec p, WeightMapping map, Parts parts) {
        ResolvedDevice dev = parts.device;
        ResolvedDomain dom = parts.domain;
        row.putInt(SweepPlan.SCHEMA_VERSION).putString(sweepId).putString(specHash).putLong(index);
        row.putString(p.device().kind()).putString(p.domain().kind());
        row.putString(dev.preset);
        row.putInt(p.array().rows()).putInt(p.array().cols()).putString(p.array().access())
                .putDouble(p.array().wireOhm()).putInt(p.array().weightsPerComputeCell());
        row.putString(p.dac().kind()).putInt(p.dac().bits());
        row.putString(p.adc().kind()).putInt(p.adc().bits()).putInt(p.adc().columnsPerAdc())
                .putString(p.adc().fullScale()).putDouble(p.adc().clipSigma());
        row.putInt(p.mapping().weightBits()).putInt(p.mapping().bitsPerCell()).putInt(map.bitsPerCell())
                .putString(p.mapping().signed()).putInt(map.slices());
        row.putDouble(p.operating().nodeNm()).putDouble(p.operating().vddV()).putDouble(p.operating().temperatureK())
                .putDouble(p.operating().timeS()).putBoolean(p.operating().driftCompensation())
                .putBoolean(p.operating().columnCalibration());
        row.putDouble(p.nonideal().programmingNoise()).putDouble(p.nonideal().readNoise())
                .putDouble(p.nonideal().drift()).putString(p.nonideal().irDrop());
        row.putDouble(p.nonideal().stuckAt()).putDouble(p.nonideal().nonlinearity())
                .putDouble(p.nonideal().temperature());
        row.putDouble(p.nonideal().circuitMismatch()).putDouble(p.nonideal().circuitNoise());
        row.putString(p.data().weights()).putDouble(p.data().weightStd()).putDouble(p.data().inputZeroFraction());
        var dp = dev.model.params();
        row.putDouble(dp.gMinS).putDouble(dp.gMaxS).putDouble(dp.readVoltageV).putDouble(dp.cellAreaF2)
                .putDouble(dp.writeEnergyJ).putDouble(dp.enduranceCycles).putDouble(dp.retentionS);
        row.putDouble(dp.stuckAtGMinRate).putDouble(dp.stuckAtGMaxRate).putInt(dp.bitsPerCellMax)
                .putDouble(dp.gMaxS * dp.readVoltageV * dp.readVoltageV);
        row.putString(dev.text).putString(dom.text);
        row.putString(parts.converters.adcText).putString(parts.converters.dacText);
    }

    private ResolvedDevice device(DeviceSpec d) {
        ResolvedDevice r = devices.get(d);
        if (r == null) {
            ParamValues v = SweepPlan.deviceParams(d, plan.spec().devices());
            String preset = d.preset().isEmpty() ? plan.spec().devices().get(d.kind()).defaultPreset() : d.preset();
            r = new ResolvedDevice(Devices.registry().require(d.kind()).create(v), v, text(v), preset);
            devices.put(d, r);
        }
        return r;
    }

    private ResolvedDomain domain(DomainSpec d) {
        ResolvedDomain r = domains.get(d);
        if (r == null) {
            ParamValues v = SweepPlan.domainParams(d);
            r = new ResolvedDomain(Domains.registry().require(d.kind()).create(v), text(v));
            domains.put(d, r);
        }
        return r;
    }

    static String text(ParamValues v) {
        StringBuilder sb = new StringBuilder();
        v.asMap().forEach((k, x) -> {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(k).append('=').append(x);
        });
        return sb.toString();
    }
}
