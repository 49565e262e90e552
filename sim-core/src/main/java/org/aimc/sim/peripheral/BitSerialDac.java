package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.ParamDef;

/**
 * Bit-serial input: one binary evaluation per input bit (physics.md §5.3). A row driver is a buffered
 * switch; its own energy beyond the row line is a few gate toggles per cycle. A switch between two rails
 * has no level error: no parameters.
 */
public final class BitSerialDac implements DacKind {
    /** Gates in one row driver (level shifter + buffer + enable), NAND2 equivalents; typical [T]. */
    static final double DRIVER_GATES = 8;

    @Override
    public String id() {
        return "bit-serial";
    }

    @Override
    public String description() {
        return "bit-serial binary row drivers, digital shift-and-add of the partial results";
    }

    @Override
    public Encoding encoding() {
        return Encoding.BIT_SERIAL;
    }

    @Override
    public List<ParamDef> parameters() {
        return List.of();
    }

    @Override
    public int cycles(int bits) {
        return bits;
    }

    @Override
    public double coreEnergyJ(int bits, double rowVoltageV, Technology tech) {
        return 2 * tech.addBitEnergyJ();
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        return tech.gatesArea(DRIVER_GATES);
    }
}
