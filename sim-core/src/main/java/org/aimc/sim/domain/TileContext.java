package org.aimc.sim.domain;

import org.aimc.sim.accuracy.DeviceErrorStats;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.peripheral.AdcErrors;
import org.aimc.sim.peripheral.AdcKind;
import org.aimc.sim.peripheral.DacErrors;
import org.aimc.sim.peripheral.DacKind;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.peripheral.Peripherals;
import org.aimc.sim.spec.PointSpec;

/**
 * Everything a compute domain needs about one design point, resolved once: the spec, the device behaviour,
 * the weight mapping, operand and device-error statistics, the converters with their error magnitudes
 * (kind defaults, then the spec's {@code adc.<name>} / {@code dac.<name>} overrides, scaled by the circuit
 * knobs) and the technology.
 */
public final class TileContext {
    public final PointSpec spec;
    public final DeviceModel device;
    public final WeightMapping mapping;
    public final OperandStats operands;
    public final DeviceErrorStats deviceErrors;
    public final DacKind dac;
    public final AdcKind adc;
    public final Technology tech;
    /** ADC error magnitudes: the kind's defaults, static ones x circuit_mismatch, noise x circuit_noise. */
    public final AdcErrors adcErrors;
    /** Input-driver error magnitudes, scaled like {@link #adcErrors}. */
    public final DacErrors dacErrors;
    /** See the constructor. */
    public final java.util.Map<Object, Double> memo;
    /** Memoised readout intermediates (the evaluator's, shared across its points; else this point's own). */
    final ReadoutMemo readouts;
    private final double cellPitchM;
    /**
     * Per-point values a domain may compute once and reuse across its calls for this point (the network
     * roll-up asks for the energy of several tile shapes of one point). Owned by the domain of this point;
     * {@link #scratchValid} says whether it has been filled.
     */
    public final double[] scratch = new double[8];
    public boolean scratchValid;

    public TileContext(PointSpec spec, DeviceModel device, WeightMapping mapping, OperandStats operands,
            DeviceErrorStats deviceErrors, DacKind dac, AdcKind adc, Technology tech) {
        this(spec, device, mapping, operands, deviceErrors, dac, adc, tech, new java.util.HashMap<>());
    }

    /**
     * @param memo results of expensive sub-models that many points share (e.g. Monte-Carlo IR-drop tiers),
     *             keyed by everything they depend on; owned by one evaluator (one thread), never global
     */
    public TileContext(PointSpec spec, DeviceModel device, WeightMapping mapping, OperandStats operands,
            DeviceErrorStats deviceErrors, DacKind dac, AdcKind adc, Technology tech,
            java.util.Map<Object, Double> memo) {
        this(spec, device, mapping, operands, deviceErrors, dac, adc, tech,
                AdcErrors.of(Peripherals.adcParams(adc.id(), spec.adc().overrides())),
                DacErrors.of(Peripherals.dacParams(dac.id(), spec.dac().overrides())), memo, new ReadoutMemo());
    }

    /**
     * A context with the converters' error magnitudes already resolved from the spec ({@link
     * Peripherals#adcParams}, {@link Peripherals#dacParams}), before the circuit knobs are applied, and the
     * memos the caller keeps across points (one per thread; the evaluator's): {@code memo} for expensive
     * sub-models (IR-drop tiers), {@code readouts} for readout intermediates.
     */
    public TileContext(PointSpec spec, DeviceModel device, WeightMapping mapping, OperandStats operands,
            DeviceErrorStats deviceErrors, DacKind dac, AdcKind adc, Technology tech, AdcErrors adcErrors,
            DacErrors dacErrors, java.util.Map<Object, Double> memo, ReadoutMemo readouts) {
        this.readouts = readouts;
        this.memo = memo;
        this.spec = spec;
        this.device = device;
        this.mapping = mapping;
        this.operands = operands;
        this.deviceErrors = deviceErrors;
        this.dac = dac;
        this.adc = adc;
        this.tech = tech;
        this.cellPitchM = Math.sqrt(device.params().cellAreaF2) * tech.featureM();
        double mis = spec.nonideal().circuitMismatch();
        double noise = spec.nonideal().circuitNoise();
        this.adcErrors = adc.ideal() ? AdcErrors.NONE : adcErrors.scaled(mis, noise);
        this.dacErrors = dacErrors.scaled(mis, noise);
    }

    /**
     * The context of design point {@code p} with device behaviour {@code device} (resolved from the point's
     * device spec and presets): mapping, operand and device-error statistics, converters and technology.
     */
    public static TileContext of(PointSpec p, DeviceModel device) {
        DeviceModel dev = device.atTemperature(p.operating().temperatureK(), p.nonideal().temperature());
        WeightMapping map = new WeightMapping(p.mapping(), dev.params().bitsPerCellMax);
        OperandStats ops = new OperandStats(p.data(), p.mapping().weightBits(), p.dac().bits());
        DacKind dac = Peripherals.dacs().require(p.dac().kind());
        DeviceErrorStats st = new DeviceErrorStats(dev, map, ops, deviceKnobs(p, dac), p.operating().timeS(),
                p.operating().driftCompensation());
        return new TileContext(p, dev, map, ops, st, dac, Peripherals.adcs().require(p.adc().kind()),
                new Technology(p.operating()));
    }

    /** The device knobs of a point: the I-V nonlinearity acts on amplitude-encoded inputs only. */
    static org.aimc.sim.spec.NonidealSpec deviceKnobs(PointSpec p, DacKind dac) {
        return dac.encoding() == Encoding.AMPLITUDE ? p.nonideal() : p.nonideal().withNonlinearity(0);
    }

    /** Scale of static circuit mismatch (nonideal.circuit_mismatch). */
    public double mismatchKnob() {
        return spec.nonideal().circuitMismatch();
    }

    /** Scale of temporal circuit noise (nonideal.circuit_noise). */
    public double noiseKnob() {
        return spec.nonideal().circuitNoise();
    }

    /** Whether the per-column affine calibration is on. */
    public boolean calibrated() {
        return spec.operating().columnCalibration();
    }

    /** The input encoding. */
    public Encoding encoding() {
        return dac.encoding();
    }

    /** True for bit-serial inputs (one binary evaluation per input bit). */
    public boolean serial() {
        return dac.encoding() == Encoding.BIT_SERIAL;
    }

    /** Logical weight columns one tile holds (physical columns / columns per weight). */
    public int weightColumns() {
        return spec.array().cols() / mapping.columnsPerWeight();
    }

    /**
     * Rows that compute in one evaluation: the storage rows over the local weight multiplexing factor
     * ({@link org.aimc.sim.spec.ArraySpec#computeRows}); all rows without multiplexing.
     */
    public int computeRows() {
        return spec.array().computeRows();
    }

    /** Storage cells sharing one compute element (array.weights_per_compute_cell). */
    public int weightsPerComputeCell() {
        return spec.array().weightsPerComputeCell();
    }

    /** Centre-to-centre cell pitch, m (square cells of cell_area_f2 · F^2). */
    public double cellPitchM() {
        return cellPitchM;
    }

    /** Input bits. */
    public int inputBits() {
        return spec.dac().bits();
    }

    /** Array evaluations per input vector. */
    public int cycles() {
        return dac.cycles(inputBits());
    }
}
