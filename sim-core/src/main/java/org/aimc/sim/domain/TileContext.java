package org.aimc.sim.domain;

import org.aimc.sim.accuracy.DeviceErrorStats;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.peripheral.AdcKind;
import org.aimc.sim.peripheral.DacKind;
import org.aimc.sim.spec.PointSpec;

/**
 * Everything a compute domain needs about one design point, resolved once: the spec, the device behaviour,
 * the weight mapping, operand and device-error statistics, the converters and the technology.
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
    /** See the constructor. */
    public final java.util.Map<Object, Double> memo;
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
    }

    /** Logical weight columns one tile holds (physical columns / columns per weight). */
    public int weightColumns() {
        return spec.array().cols() / mapping.columnsPerWeight();
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
