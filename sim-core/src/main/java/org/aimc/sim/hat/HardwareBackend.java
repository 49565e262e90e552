package org.aimc.sim.hat;

import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.MvmEngine;

/**
 * An analog in-memory computing chip as hardware-in-the-loop training sees it (physics.md §8.3): weights are
 * programmed onto it, a batch of layer inputs is run and the layer's outputs are read back. The operands are
 * those of a {@link QuantisedNetwork} — integer weights with per-column scales and per-layer input ranges —
 * so a chip driver converts activations to input codes and read-outs back to the network's units exactly as
 * {@code org.aimc.sim.hw.HardwareNetwork} does; bias and activation stay on the host. Programming is the
 * expensive operation of a real chip (write-verify of every device); {@link #programmings()} counts it.
 *
 * <p>{@link SimulatedChip} is the reference implementation. A driver for a real chip implements the same
 * three operations.
 */
public interface HardwareBackend {
    /** Programs the network's integer weights and input ranges, replacing whatever the hardware held. */
    void program(QuantisedNetwork network);

    /**
     * Runs {@code batch} input vectors of layer {@code layer} (network units, row-major {@code batch × in}) on
     * the programmed weights and reads the outputs into {@code y} ({@code batch × out}, network units, bias
     * excluded): what the hardware measures, with all its noise.
     *
     * @throws IllegalStateException before the first {@link #program}
     */
    void run(int layer, double[] x, int batch, double[] y);

    /** The network last programmed, or null. */
    QuantisedNetwork programmed();

    /** Number of {@link #program} calls so far. */
    long programmings();

    /** The backend as the engine of a network's forward pass (the programmed network's layers). */
    default MvmEngine engine() {
        return (layer, dense, x, batch, y) -> run(layer, x, batch, y);
    }
}
