package org.aimc.sim.mapping;

import org.aimc.sim.spec.MappingSpec;

/**
 * Signed integer weights to device levels (physics.md §1.1): the weight w in [-Q, Q], Q = 2^(B_w-1) - 1,
 * is split into base-2^b digits ("slices") stored in cells of b bits each, and recombined after readout as
 * sum_s 2^(b s) digit_s.
 * <ul>
 *   <li>{@code differential}: the magnitude |w| (B_w - 1 bits) goes to the G+ device of each slice for
 *       w &gt; 0 and to the G- device for w &lt; 0; the other device of the pair stays at level 0. The
 *       pair is subtracted in the analog domain, so one conversion serves one slice.</li>
 *   <li>{@code offset}: one device per slice stores the digits of w + Q (B_w bits); the offset Q · sum x is
 *       subtracted digitally, exactly.</li>
 * </ul>
 */
public final class WeightMapping {
    private final int weightBits;
    private final int bitsPerCell;
    private final boolean differential;
    private final int slices;
    private final int levels;
    private final int qMax;

    /**
     * @param spec              requested mapping
     * @param deviceBitsPerCell bits the device can store; the mapping uses min(requested, device)
     */
    public WeightMapping(MappingSpec spec, int deviceBitsPerCell) {
        this.weightBits = spec.weightBits();
        this.bitsPerCell = Math.max(1, Math.min(spec.bitsPerCell(), deviceBitsPerCell));
        this.differential = spec.signed().equals("differential");
        // 1-bit weights are the ±1 of a 2-bit sign-magnitude mapping (OperandStats gives them no zero)
        int bits = Math.max(2, weightBits);
        this.qMax = (1 << (bits - 1)) - 1;
        int storedBits = differential ? bits - 1 : bits;
        this.slices = (storedBits + bitsPerCell - 1) / bitsPerCell;
        this.levels = 1 << bitsPerCell;
    }

    public int weightBits() {
        return weightBits;
    }

    /** Bits per cell actually used. */
    public int bitsPerCell() {
        return bitsPerCell;
    }

    public boolean differential() {
        return differential;
    }

    /** Number of slices S. */
    public int slices() {
        return slices;
    }

    /** Levels per cell L = 2^b. */
    public int levels() {
        return levels;
    }

    /** Largest weight magnitude Q. */
    public int qMax() {
        return qMax;
    }

    /** Devices per slice: 2 for a differential pair, 1 for offset. */
    public int devicesPerSlice() {
        return differential ? 2 : 1;
    }

    /** Physical columns one logical weight column occupies. */
    public int columnsPerWeight() {
        return slices * devicesPerSlice();
    }

    /** Weight of slice s in the digital recombination, 2^(b s). */
    public double sliceWeight(int s) {
        return Math.scalb(1.0, bitsPerCell * s);
    }

    /**
     * Device levels of weight {@code w}. Writes {@code plus[0..S)} and, for differential mappings,
     * {@code minus[0..S)} (left untouched for offset mappings).
     */
    public void levels(int w, int[] plus, int[] minus) {
        if (w < -qMax || w > qMax) {
            throw new IllegalArgumentException("weight " + w + " outside [-" + qMax + ", " + qMax + "]");
        }
        int mask = levels - 1;
        if (differential) {
            int m = Math.abs(w);
            for (int s = 0; s < slices; s++) {
                int digit = (m >>> (bitsPerCell * s)) & mask;
                plus[s] = w > 0 ? digit : 0;
                minus[s] = w < 0 ? digit : 0;
            }
        } else {
            int v = w + qMax;
            for (int s = 0; s < slices; s++) {
                plus[s] = (v >>> (bitsPerCell * s)) & mask;
            }
        }
    }

    /** Digital offset removed per unit of input for offset mappings (Q), 0 for differential. */
    public int offset() {
        return differential ? 0 : qMax;
    }
}
