package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.ParamDef;

/**
 * Pulse-width-modulated input (physics.md §5.3, §2.2): a fixed-amplitude pulse of x · T_LSB per row, from a
 * B-bit down-counter per row loaded with x and clocked 2^B times (its core energy: on average two bit
 * toggles per clock, each a full-adder-bit energy; typical [T]). The row line itself (C_WL V_r^2 per pulse,
 * value independent) is charged by the domain. Errors: rise/fall asymmetry, per-row edge mismatch and edge
 * jitter ({@link DacErrors}); T_LSB belongs to the domain that integrates the pulses.
 */
public final class PwmDac implements DacKind {
    /** Down-counter and pulse latch per bit, NAND2 equivalents; typical [T]. */
    static final double GATES_PER_BIT = 12;

    @Override
    public String id() {
        return "pwm";
    }

    @Override
    public String description() {
        return "pulse-width-modulated row drivers: fixed amplitude, width proportional to the input";
    }

    @Override
    public Encoding encoding() {
        return Encoding.PULSE_WIDTH;
    }

    @Override
    public List<ParamDef> parameters() {
        return DacErrors.pulseParams();
    }

    @Override
    public int cycles(int bits) {
        return 1;
    }

    @Override
    public double coreEnergyJ(int bits, double rowVoltageV, Technology tech) {
        return Math.scalb(1.0, bits + 1) * tech.addBitEnergyJ();
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        return tech.gatesArea(GATES_PER_BIT * bits);
    }
}
