package org.aimc.sim.peripheral;

import org.aimc.sim.registry.Kind;

/**
 * An input driver (DAC) kind: how inputs are encoded and what encoding them costs per row. Registered in
 * {@code META-INF/services/org.aimc.sim.peripheral.DacKind}.
 */
public interface DacKind extends Kind {
    Encoding encoding();

    /** Array evaluations needed for one input vector of {@code bits} bits. */
    int cycles(int bits);

    /**
     * Energy drawn by one row driver in one evaluation beyond charging the row line: the converter core.
     *
     * @param bits input bits
     * @param rowVoltageV full-scale voltage on the row
     */
    double coreEnergyJ(int bits, double rowVoltageV, org.aimc.sim.cost.Technology tech);

    /** Area of one row driver, m^2. */
    double areaM2(int bits, org.aimc.sim.cost.Technology tech);
}
