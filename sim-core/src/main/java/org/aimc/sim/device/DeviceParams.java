package org.aimc.sim.device;

import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Parameters every memory type has (the memory-agnostic view of design.md §3), read once into fields.
 * Values come from presets; the schema here only bounds them.
 */
public final class DeviceParams {
    public static final List<ParamDef> COMMON = List.of(
            ParamDef.required("g_min_s", 0, 1, "lowest programmable conductance (off state for binary cells), S"),
            ParamDef.required("g_max_s", 1e-12, 1, "highest programmable conductance (on state), S"),
            ParamDef.required("bits_per_cell_max", 1, 8, "bits a cell stores reliably"),
            ParamDef.required("read_voltage_v", 1e-3, 5, "read voltage applied across a cell, V"),
            ParamDef.required("cell_area_f2", 1, 10000, "cell area in units of F^2"),
            ParamDef.required("write_energy_j", 0, 1e-6, "energy of one programming pulse, J"),
            ParamDef.required("endurance_cycles", 1, 1e20, "write cycles before wear-out"),
            ParamDef.required("retention_s", 0, 1e12, "data retention at the rated temperature, s (0 = volatile)"),
            ParamDef.required("stuck_at_g_min_rate", 0, 0.5, "fraction of devices stuck at g_min (SA0, open / off)"),
            ParamDef.required("stuck_at_g_max_rate", 0, 0.5, "fraction of devices stuck at g_max (SA1, short / on)"));

    public final double gMinS;
    public final double gMaxS;
    public final int bitsPerCellMax;
    public final double readVoltageV;
    public final double cellAreaF2;
    public final double writeEnergyJ;
    public final double enduranceCycles;
    public final double retentionS;
    public final double stuckAtGMinRate;
    public final double stuckAtGMaxRate;

    public DeviceParams(ParamValues v) {
        this.gMinS = v.get("g_min_s");
        this.gMaxS = v.get("g_max_s");
        this.bitsPerCellMax = (int) Math.round(v.get("bits_per_cell_max"));
        this.readVoltageV = v.get("read_voltage_v");
        this.cellAreaF2 = v.get("cell_area_f2");
        this.writeEnergyJ = v.get("write_energy_j");
        this.enduranceCycles = v.get("endurance_cycles");
        this.retentionS = v.get("retention_s");
        this.stuckAtGMinRate = v.get("stuck_at_g_min_rate");
        this.stuckAtGMaxRate = v.get("stuck_at_g_max_rate");
        if (!(gMinS < gMaxS)) {
            throw new IllegalArgumentException("g_min_s (" + gMinS + ") must be below g_max_s (" + gMaxS + ")");
        }
        if (stuckAtGMinRate + stuckAtGMaxRate > 0.5) {
            throw new IllegalArgumentException("stuck_at_g_min_rate + stuck_at_g_max_rate must not exceed 0.5, got "
                    + (stuckAtGMinRate + stuckAtGMaxRate));
        }
    }

    /**
     * Probability that a device is stuck at g_min with the fault rates scaled by {@code knob}; when the
     * scaled rates would exceed 1 together, both are scaled down in proportion.
     */
    public double stuckAtGMin(double knob) {
        return knob * stuckAtGMinRate / Math.max(1, knob * (stuckAtGMinRate + stuckAtGMaxRate));
    }

    /** Probability that a device is stuck at g_max; see {@link #stuckAtGMin}. */
    public double stuckAtGMax(double knob) {
        return knob * stuckAtGMaxRate / Math.max(1, knob * (stuckAtGMinRate + stuckAtGMaxRate));
    }

    /** {@link #COMMON} followed by a kind's own parameters. */
    public static List<ParamDef> with(ParamDef... own) {
        List<ParamDef> all = new ArrayList<>(COMMON);
        all.addAll(List.of(own));
        return List.copyOf(all);
    }
}
