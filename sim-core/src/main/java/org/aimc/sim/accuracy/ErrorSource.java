package org.aimc.sim.accuracy;

/**
 * Sources of MVM output error the analytic budget separates. {@link #id()} is the stable name written to
 * the {@code dominant_error_source} column.
 */
public enum ErrorSource {
    PROGRAMMING("programming"),
    READ_NOISE("read_noise"),
    DRIFT("drift"),
    IR_DROP("ir_drop"),
    ADC("adc"),
    STUCK_AT("stuck_at"),
    NONLINEARITY("nonlinearity");

    private final String id;

    ErrorSource(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
