package org.aimc.sim.eval;

import java.util.HashMap;
import java.util.Map;
import org.aimc.sim.accuracy.DeviceErrorStats;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.Devices;
import org.aimc.sim.domain.DomainModel;
import org.aimc.sim.domain.Domains;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.domain.TileCost;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.peripheral.AdcKind;
import org.aimc.sim.peripheral.DacKind;
import org.aimc.sim.peripheral.Peripherals;
import org.aimc.sim.spec.DataSpec;
import org.aimc.sim.spec.DeviceSpec;
import org.aimc.sim.spec.DomainSpec;
import org.aimc.sim.spec.MappingSpec;
import org.aimc.sim.spec.ParamValues;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.space.SweepPlan;

/**
 * The analytic (tier A) evaluation of a sweep's design points: {@link #evaluate(long)} is a pure function
 * of the plan and the point index, returning the point's {@code points} row in {@link ResultColumns}
 * order. Models and statistics shared by many points are memoised; an instance is not thread-safe, so use
 * one per thread (one per Spark task).
 */
public final class Evaluator {
    private final SweepPlan plan;
    private final String sweepId;
    private final String specHash;
    private final Map<DeviceSpec, ResolvedDevice> devices = new HashMap<>();
    private final Map<DomainSpec, ResolvedDomain> domains = new HashMap<>();
    private final Map<StatsKey, DeviceErrorStats> stats = new HashMap<>();
    private final Map<OperandKey, OperandStats> operands = new HashMap<>();
    private final TileCost cost = new TileCost();
    private final NetworkRollup rollup = new NetworkRollup();

    private record ResolvedDevice(DeviceModel model, ParamValues params, String text) {
    }

    private record ResolvedDomain(DomainModel model, String text) {
    }

    private record OperandKey(DataSpec data, int weightBits, int inputBits) {
    }

    private record StatsKey(DeviceSpec device, MappingSpec mapping, DataSpec data, int inputBits, double prog,
            double read, double drift, double timeS, boolean compensate) {
    }

    public Evaluator(SweepPlan plan) {
        this.plan = plan;
        this.sweepId = plan.sweepId();
        this.specHash = plan.specHash();
    }

    public SweepPlan plan() {
        return plan;
    }

    /** The {@code points} row of point {@code index}. */
    public Object[] evaluate(long index) {
        PointSpec p = plan.space().decode(index);
        return evaluate(index, p);
    }

    /** The row of an explicit design point (used for points outside a sweep, e.g. validation). */
    public Object[] evaluate(long index, PointSpec p) {
        ResolvedDevice dev = device(p.device());
        ResolvedDomain dom = domain(p.domain());
        DacKind dac = Peripherals.dacs().require(p.dac().kind());
        AdcKind adc = Peripherals.adcs().require(p.adc().kind());
        WeightMapping map = new WeightMapping(p.mapping(), dev.model.params().bitsPerCellMax);
        Row row = new Row();
        header(row, index, p, map, dev, dom);

        String reason = null;
        if (p.array().cols() < map.columnsPerWeight()) {
            reason = "array.cols = " + p.array().cols() + " is narrower than one weight column, which needs "
                    + map.slices() + " slices x " + map.devicesPerSlice() + " devices = " + map.columnsPerWeight()
                    + " columns";
        }
        TileContext ctx = null;
        if (reason == null) {
            OperandStats ops = operands.computeIfAbsent(new OperandKey(p.data(), p.mapping().weightBits(),
                    p.dac().bits()), k -> new OperandStats(k.data, k.weightBits, k.inputBits));
            DeviceErrorStats st = stats.computeIfAbsent(new StatsKey(p.device(), p.mapping(), p.data(),
                    p.dac().bits(), p.nonideal().programmingNoise(), p.nonideal().readNoise(), p.nonideal().drift(),
                    p.operating().timeS(), p.operating().driftCompensation()),
                    k -> new DeviceErrorStats(dev.model, map, ops, k.prog, k.read, k.drift, k.timeS, k.compensate));
            ctx = new TileContext(p, dev.model, map, ops, st, dac, adc, new Technology(p.operating()));
            reason = dom.model.infeasibility(ctx);
        }
        if (reason != null) {
            return row.infeasible(reason);
        }
        int headerEnd = row.n;
        try {
            return metrics(row, ctx, dom.model);
        } catch (NumericalFailure f) {
            row.n = headerEnd;
            return row.infeasible("numerical failure: " + f.getMessage());
        }
    }

    private Object[] metrics(Row row, TileContext ctx, DomainModel dm) {
        PointSpec p = ctx.spec;
        row.put(true).put(null);
        int rows = p.array().rows();
        int wc = ctx.weightColumns();
        dm.cost(ctx, rows, wc, cost);
        double e = cost.energyJ();
        double area = cost.areaM2();
        double lat = cost.latencyS;
        row.put(e).put(cost.energyArrayJ).put(cost.energyDacJ).put(cost.energyAdcJ).put(cost.energySenseJ)
                .put(cost.energyDigitalJ).put(lat);
        row.put(area).put(cost.areaArrayM2).put(cost.areaDacM2).put(cost.areaAdcM2).put(cost.areaSenseM2)
                .put(cost.areaDigitalM2);
        double ops = 2.0 * rows * wc;
        row.put(wc).put(ops / e / 1e12).put(ops / lat / (area * 1e6) / 1e12);

        rollup.compute(plan.spec().workload(), ctx, dm, area, lat);
        row.put(rollup.tiles).put(rollup.energyJ).put(rollup.latencyS).put(rollup.areaM2)
                .put(2 * rollup.macs / rollup.energyJ / 1e12)
                .put(2 * rollup.macs / rollup.latencyS / (rollup.areaM2 * 1e6) / 1e12);

        ErrorBudget b = new ErrorBudget();
        dm.errors(ctx, b);
        double rel = b.relativeError();
        double snr = b.snrDb();
        ErrorSource dominant = b.dominant();
        row.put(rel).put(Double.isInfinite(snr) ? null : snr).put(dominant == null ? null : dominant.id());
        row.put(b.relativeError(ErrorSource.PROGRAMMING)).put(b.relativeError(ErrorSource.READ_NOISE))
                .put(b.relativeError(ErrorSource.DRIFT)).put(b.relativeError(ErrorSource.IR_DROP))
                .put(b.relativeError(ErrorSource.ADC));
        // accuracy: no calibration curve exists for workloads yet, so no estimate is made
        row.put(null).put(null);
        return row.values();
    }

    private void header(Row row, long index, PointSpec p, WeightMapping map, ResolvedDevice dev,
            ResolvedDomain dom) {
        row.put(SweepPlan.SCHEMA_VERSION).put(sweepId).put(specHash).put(index);
        row.put(p.device().kind()).put(p.domain().kind());
        String preset = p.device().preset().isEmpty()
                ? plan.spec().devices().get(p.device().kind()).defaultPreset() : p.device().preset();
        row.put(preset);
        row.put(p.array().rows()).put(p.array().cols()).put(p.array().access()).put(p.array().wireOhm());
        row.put(p.dac().kind()).put(p.dac().bits());
        row.put(p.adc().kind()).put(p.adc().bits()).put(p.adc().columnsPerAdc()).put(p.adc().fullScale())
                .put(p.adc().clipSigma());
        row.put(p.mapping().weightBits()).put(p.mapping().bitsPerCell()).put(map.bitsPerCell())
                .put(p.mapping().signed()).put(map.slices());
        row.put(p.operating().nodeNm()).put(p.operating().vddV()).put(p.operating().temperatureK())
                .put(p.operating().timeS()).put(p.operating().driftCompensation());
        row.put(p.nonideal().programmingNoise()).put(p.nonideal().readNoise()).put(p.nonideal().drift())
                .put(p.nonideal().irDrop());
        row.put(p.data().weights()).put(p.data().weightStd()).put(p.data().inputZeroFraction());
        var dp = dev.model.params();
        row.put(dp.gMinS).put(dp.gMaxS).put(dp.readVoltageV).put(dp.cellAreaF2).put(dp.writeEnergyJ)
                .put(dp.enduranceCycles).put(dp.retentionS);
        row.put(dev.text).put(dom.text);
    }

    private ResolvedDevice device(DeviceSpec d) {
        ResolvedDevice r = devices.get(d);
        if (r == null) {
            ParamValues v = SweepPlan.deviceParams(d, plan.spec().devices());
            r = new ResolvedDevice(Devices.registry().require(d.kind()).create(v), v, text(v));
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

    /** A model produced NaN or infinity: the point is reported as failed with the column named. */
    static final class NumericalFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NumericalFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** A row under construction, checked column by column against {@link ResultColumns}. */
    static final class Row {
        private final Object[] values = new Object[ResultColumns.count()];
        private int n;

        Row put(Object v) {
            Column c = ResultColumns.all().get(n);
            if (v instanceof Double d && !Double.isFinite(d)) {
                throw new NumericalFailure("column " + c.name() + " computed " + d);
            }
            if (!c.accepts(v)) {
                throw new IllegalStateException("column " + c.name() + " (" + c.type() + ") got " + v);
            }
            values[n++] = v;
            return this;
        }

        Object[] infeasible(String reason) {
            put(false).put(reason);
            while (n < values.length) {
                put(null);
            }
            return values();
        }

        Object[] values() {
            if (n != values.length) {
                throw new IllegalStateException("row has " + n + " of " + values.length + " columns");
            }
            return values;
        }
    }
}
