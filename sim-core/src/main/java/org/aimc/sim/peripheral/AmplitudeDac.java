package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.ParamDef;

/**
 * Amplitude-encoded input: a B-bit capacitive (charge-redistribution) DAC per row drives a voltage
 * proportional to the input (physics.md §5.3). Core energy is the average switching energy of a
 * binary-weighted capacitor array with conventional switching, 1363.3 C_u V^2 for 10 bits, i.e.
 * 1.33 · 2^B C_u V^2 (Y.-Z. Liu et al., "A 10-bit 50-MS/s SAR ADC with a monotonic capacitor switching
 * procedure", IEEE JSSC 45(4), 2010, Table I), plus a unity-gain row buffer. Errors: INL bow and random
 * DNL per row and code ({@link DacErrors}).
 */
public final class AmplitudeDac implements DacKind {
    /** Unit capacitor of the DAC: typical 0.5 fF MOM unit in CIM converters [T]. */
    static final double UNIT_CAP_F = 0.5e-15;
    /** Gates of the row buffer and decoder, NAND2 equivalents; typical [T]. */
    static final double BUFFER_GATES = 40;

    @Override
    public String id() {
        return "amplitude";
    }

    @Override
    public String description() {
        return "per-row capacitive DAC driving a voltage proportional to the input";
    }

    @Override
    public Encoding encoding() {
        return Encoding.AMPLITUDE;
    }

    @Override
    public List<ParamDef> parameters() {
        return DacErrors.amplitudeParams();
    }

    @Override
    public int cycles(int bits) {
        return 1;
    }

    @Override
    public double coreEnergyJ(int bits, double rowVoltageV, Technology tech) {
        double switching = 1.3314 * Math.scalb(1.0, bits) * UNIT_CAP_F * rowVoltageV * rowVoltageV;
        return switching + bits * tech.addBitEnergyJ();
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        return Math.scalb(1.0, bits) * UNIT_CAP_F / Technology.MOM_CAP_F_PER_M2 + tech.gatesArea(BUFFER_GATES);
    }
}
