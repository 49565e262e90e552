package org.aimc.sim.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.eval.Column.Type;

/**
 * The columns of the {@code points} table (design.md §6), in storage order. Jobs build their Spark and
 * Parquet schemas from this list; {@link Evaluator} fills rows in this order and checks every value.
 */
public final class ResultColumns {
    private static final List<Column> COLUMNS = new ArrayList<>();

    private static void col(String name, Type type, boolean nullable, String description) {
        COLUMNS.add(new Column(name, type, nullable, description));
    }

    static {
        col("schema_version", Type.INT, false, "version of this column layout");
        col("sweep_id", Type.STRING, false, "spec name and the first 12 hex digits of its hash");
        col("spec_hash", Type.STRING, false, "SHA-256 of the canonical spec");
        col("point_index", Type.LONG, false, "index of the point in the design space");
        col("memory_type", Type.STRING, false, "memory type id (partition column)");
        col("compute_domain", Type.STRING, false, "compute domain id (partition column)");
        col("device_preset", Type.STRING, false, "device preset name");
        col("array_rows", Type.INT, false, "rows (inputs) of a tile");
        col("array_cols", Type.INT, false, "physical columns of a tile");
        col("array_access", Type.STRING, false, "cell access structure");
        col("array_wire_ohm", Type.DOUBLE, false, "wire resistance per cell segment, ohm");
        col("array_weights_per_compute_cell", Type.INT, false,
                "storage cells sharing one compute element (local weight multiplexing; 1 = none)");
        col("dac_kind", Type.STRING, false, "input driver kind");
        col("input_bits", Type.INT, false, "input precision, bits");
        col("adc_kind", Type.STRING, false, "ADC kind");
        col("adc_bits", Type.INT, false, "ADC resolution, bits");
        col("adc_columns_per_adc", Type.INT, false, "columns sharing one ADC");
        col("adc_full_scale", Type.STRING, false, "ADC range rule");
        col("adc_clip_sigma", Type.DOUBLE, false, "ADC clipping level in signal standard deviations");
        col("weight_bits", Type.INT, false, "weight precision including sign, bits");
        col("bits_per_cell", Type.INT, false, "requested bits per cell");
        col("bits_per_cell_used", Type.INT, false, "bits per cell used (limited by the device)");
        col("signed_mapping", Type.STRING, false, "signed-weight mapping");
        col("weight_slices", Type.INT, false, "cells (slices) per weight magnitude");
        col("node_nm", Type.DOUBLE, false, "technology node, nm");
        col("vdd_v", Type.DOUBLE, false, "supply, V");
        col("temperature_k", Type.DOUBLE, false, "temperature, K");
        col("time_s", Type.DOUBLE, false, "time since programming, s");
        col("drift_compensation", Type.BOOLEAN, false, "global drift compensation on");
        col("column_calibration", Type.BOOLEAN, false, "per-column digital affine calibration on");
        col("programming_noise", Type.DOUBLE, false, "programming-noise knob");
        col("read_noise", Type.DOUBLE, false, "read-noise knob");
        col("drift", Type.DOUBLE, false, "drift knob");
        col("ir_drop", Type.STRING, false, "IR-drop model");
        col("stuck_at", Type.DOUBLE, false, "stuck-at fault knob");
        col("nonlinearity", Type.DOUBLE, false, "I-V nonlinearity knob");
        col("temperature_knob", Type.DOUBLE, false, "temperature-effects knob (nonideal.temperature)");
        col("circuit_mismatch", Type.DOUBLE, false, "circuit-mismatch knob (capacitors, transistors, converters)");
        col("circuit_noise", Type.DOUBLE, false, "circuit-noise knob (kT/C, thermal, jitter, comparators)");
        col("data_weights", Type.STRING, false, "weight distribution");
        col("data_weight_std", Type.DOUBLE, false, "weight std / max|W|");
        col("data_input_zero_fraction", Type.DOUBLE, false, "fraction of zero inputs");
        col("device_g_min_s", Type.DOUBLE, false, "device g_min, S");
        col("device_g_max_s", Type.DOUBLE, false, "device g_max, S");
        col("device_read_voltage_v", Type.DOUBLE, false, "device read voltage, V");
        col("device_cell_area_f2", Type.DOUBLE, false, "cell area, F^2");
        col("device_write_energy_j", Type.DOUBLE, false, "write energy per pulse, J");
        col("device_endurance_cycles", Type.DOUBLE, false, "endurance, cycles");
        col("device_retention_s", Type.DOUBLE, false, "retention, s (0 = volatile)");
        col("device_stuck_at_g_min_rate", Type.DOUBLE, false, "preset fraction of devices stuck at g_min");
        col("device_stuck_at_g_max_rate", Type.DOUBLE, false, "preset fraction of devices stuck at g_max");
        col("device_bits_per_cell_max", Type.INT, false, "bits a cell stores reliably");
        col("device_read_power_w", Type.DOUBLE, false, "static read power of a cell at g_max and the read voltage, W");
        col("device_params", Type.STRING, false, "every resolved device parameter, name=value;...");
        col("domain_params", Type.STRING, false, "every resolved domain parameter, name=value;...");
        col("adc_params", Type.STRING, false, "every resolved ADC error parameter, name=value;...");
        col("dac_params", Type.STRING, false, "every resolved input-driver error parameter, name=value;...");
        col("feasible", Type.BOOLEAN, false, "whether the point can be built");
        col("infeasible_reason", Type.STRING, true, "why not, when infeasible");
        col("energy_j", Type.DOUBLE, true, "energy of one tile MVM, J");
        col("energy_array_j", Type.DOUBLE, true, "array part of energy_j");
        col("energy_dac_j", Type.DOUBLE, true, "input drivers part of energy_j");
        col("energy_adc_j", Type.DOUBLE, true, "ADC part of energy_j");
        col("energy_sense_j", Type.DOUBLE, true, "sense amplifiers / integrators part of energy_j");
        col("energy_digital_j", Type.DOUBLE, true, "shift-add and digital part of energy_j");
        col("latency_s", Type.DOUBLE, true, "latency of one tile MVM, s");
        col("tile_area_m2", Type.DOUBLE, true, "tile area, m^2");
        col("area_array_m2", Type.DOUBLE, true, "array part of tile_area_m2");
        col("area_dac_m2", Type.DOUBLE, true, "input drivers part of tile_area_m2");
        col("area_adc_m2", Type.DOUBLE, true, "ADC part of tile_area_m2");
        col("area_sense_m2", Type.DOUBLE, true, "sense part of tile_area_m2");
        col("area_digital_m2", Type.DOUBLE, true, "digital part of tile_area_m2");
        col("weight_columns_per_tile", Type.INT, true, "logical weight columns a tile holds");
        col("tile_tops_per_w", Type.DOUBLE, true, "tile throughput per watt, 1e12 ops/J (1 MAC = 2 ops)");
        col("tile_tops_per_mm2", Type.DOUBLE, true, "tile throughput per area, 1e12 ops/s/mm^2");
        col("tiles", Type.LONG, true, "tiles holding the workload's weights");
        col("energy_per_inference_j", Type.DOUBLE, true, "workload energy per inference, J");
        col("latency_per_inference_s", Type.DOUBLE, true, "workload latency per inference, layer-serial, s");
        col("latency_pipelined_s", Type.DOUBLE, true, "time per inference of a layer-pipelined chip in steady "
                + "state: the slowest layer's MVMs x tile latency, s");
        col("chip_area_m2", Type.DOUBLE, true, "area of all tiles and the partial-sum accumulators, m^2");
        col("array_utilization", Type.DOUBLE, true, "weights held / weight positions of the tiles");
        col("tops_per_w", Type.DOUBLE, true, "workload ops per joule / 1e12");
        col("tops_per_mm2", Type.DOUBLE, true, "workload ops per second per mm^2 / 1e12");
        col("mvm_rel_error", Type.DOUBLE, true, "analytic relative MVM error sqrt(E[e^2]/E[y^2])");
        col("snr_db", Type.DOUBLE, true, "10 log10(E[y^2]/E[e^2]); null for an exact MVM");
        col("dominant_error_source", Type.STRING, true, "largest error source; null for an exact MVM");
        for (ErrorSource e : ErrorSource.values()) {
            col("err_" + e.id(), Type.DOUBLE, true, "relative MVM error from " + e.description() + " alone");
        }
        col("mvm_gain", Type.DOUBLE, true, "gain g = E[e y] / E[y^2] the MVM error amounts to on average (systematic "
                + "weight shrink, compensation rescale); 0 when the error is uncorrelated with the output");
        col("mvm_rel_error_effective", Type.DOUBLE, true, "relative MVM error with the gain set aside: "
                + "sqrt(E[e^2] - g^2 E[y^2]) / ((1 + g) sqrt(E[y^2])); null when g <= -1 (no signal left)");
        col("operand_rel_error", Type.DOUBLE, true,
                "relative MVM error of quantising weights and inputs to weight_bits / input_bits (not in mvm_rel_error)");
        col("mvm_rel_error_workload", Type.DOUBLE, true, "the error accuracy_est looks up: mvm_rel_error_effective "
                + "and operand_rel_error referred to the workload's real layer outputs (AccuracySurrogate), without "
                + "the static offset (mvm_offset_workload); null without a calibration curve or when g <= -1");
        col("mvm_offset_workload", Type.DOUBLE, true, "the static offset accuracy_est looks up: the error shared by "
                + "every output of a hidden layer and every input (the converters' systematic bow), relative to the "
                + "layer's real output RMS, signed (its square is part of mvm_rel_error, not of "
                + "mvm_rel_error_workload); 0 for a curve without offset rows; null without a curve or when g <= -1");
        col("accuracy_est", Type.DOUBLE, true,
                "tier-A accuracy: the workload's calibration curve at mvm_rel_error_workload and "
                        + "mvm_offset_workload; null for workloads without one");
        col("accuracy_tier", Type.STRING, true, "tier that produced accuracy_est");
    }

    private ResultColumns() {
    }

    public static List<Column> all() {
        return Collections.unmodifiableList(COLUMNS);
    }

    public static int count() {
        return COLUMNS.size();
    }

    /** Position of a column by name. */
    public static int indexOf(String name) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column '" + name + "'");
    }
}
