package org.aimc.sim.peripheral;

/** How an input value is presented to the array (physics.md §1.1). */
public enum Encoding {
    /** One evaluation with a voltage proportional to the input. */
    AMPLITUDE,
    /** One evaluation with a fixed-amplitude pulse whose width is proportional to the input. */
    PULSE_WIDTH,
    /** One binary evaluation per input bit, recombined by digital shift-and-add. */
    BIT_SERIAL
}
