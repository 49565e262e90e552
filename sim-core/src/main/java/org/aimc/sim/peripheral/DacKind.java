package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.registry.Kind;
import org.aimc.sim.spec.ParamDef;

/**
 * An input driver (DAC) kind: how inputs are encoded, what encoding them costs per row, and the magnitudes
 * of its errors ({@link DacErrors}). Registered in {@code META-INF/services/org.aimc.sim.peripheral.DacKind}.
 */
public interface DacKind extends Kind {
    Encoding encoding();

    /** The driver's error parameters with their defaults and sources (empty: an exact driver). */
    List<ParamDef> parameters();

    /** Array evaluations needed for one input vector of {@code bits} bits. */
    int cycles(int bits);

    /**
     * Energy drawn by one row driver in one evaluation beyond charging the row line: the converter core.
     *
     * @param bits input bits
     * @param rowVoltageV full-scale voltage on the row
     */
    double coreEnergyJ(int bits, double rowVoltageV, Technology tech);

    /** Area of one row driver, m^2. */
    double areaM2(int bits, Technology tech);
}
