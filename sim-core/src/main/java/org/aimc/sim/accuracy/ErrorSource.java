package org.aimc.sim.accuracy;

/**
 * Sources of MVM output error the analytic budget separates. {@link #id()} is the stable name written to
 * the {@code dominant_error_source} column and, as {@code err_<id>}, to the per-source error columns.
 * Device origin first, then circuit structure (physics.md §2.7 and §5); append new sources at the end.
 */
public enum ErrorSource {
    PROGRAMMING("programming", "programming"),
    READ_NOISE("read_noise", "read noise"),
    DRIFT("drift", "drift"),
    IR_DROP("ir_drop", "IR drop"),
    /** ADC quantisation and clipping at the full-scale range. */
    ADC("adc", "ADC quantisation and clipping"),
    STUCK_AT("stuck_at", "stuck-at faults"),
    NONLINEARITY("nonlinearity", "device I-V nonlinearity"),
    /** ADC integral / differential nonlinearity, static per chip instance. */
    ADC_NONLINEARITY("adc_nonlinearity", "ADC INL/DNL"),
    /** ADC comparator (transition) noise, fresh per conversion. */
    ADC_NOISE("adc_noise", "ADC comparator noise"),
    /** ADC offset and gain error left after the per-column calibration (all of it without one). */
    ADC_OFFSET_GAIN("adc_offset_gain", "ADC offset and gain error left after calibration"),
    /** Input DAC integral / differential nonlinearity (amplitude encoding), static per chip instance. */
    DAC_NONLINEARITY("dac_nonlinearity", "input DAC INL/DNL"),
    /** Pulse-edge error of pulse-width inputs: rise/fall asymmetry and static per-row edge mismatch. */
    PULSE_EDGE("pulse_edge", "pulse-edge errors of pulse-width inputs"),
    /** Timing jitter: pulse edges and delay-chain stages, fresh per evaluation. */
    JITTER("jitter", "timing jitter"),
    /** kT/C sampling and reset noise on capacitors, fresh per evaluation. */
    KTC("ktc_noise", "kT/C noise"),
    /** Thermal current noise of the cells integrated over the sensing bandwidth. */
    THERMAL("thermal_noise", "thermal current noise"),
    /** Capacitor mismatch (Pelgrom), static per chip instance. */
    CAPACITOR_MISMATCH("capacitor_mismatch", "capacitor mismatch"),
    /** Static delay-stage mismatch of time-domain chains, static per chip instance. */
    DELAY_MISMATCH("delay_mismatch", "delay-stage mismatch"),
    /** Transistor on-resistance (threshold) mismatch, static per chip instance. */
    TRANSISTOR_MISMATCH("transistor_mismatch", "transistor on-resistance mismatch"),
    /** Integrator saturation (clipping of the analog column value). */
    SATURATION("saturation", "integrator saturation"),
    /** Output compression by a data-dependent denominator (resistive / capacitive division, current-to-time). */
    COMPRESSION("compression", "divider compression");

    private final String id;
    private final String description;

    ErrorSource(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    /** What the source is, in words (the {@code err_<id>} column's description). */
    public String description() {
        return description;
    }
}
