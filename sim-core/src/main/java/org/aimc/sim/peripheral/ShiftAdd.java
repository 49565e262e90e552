package org.aimc.sim.peripheral;

import org.aimc.sim.cost.Technology;

/**
 * Digital shift-and-add behind each converter (physics.md §1.1, §6): recombines the conversions of the
 * weight slices (weight 2^(b s)) and of bit-serial input cycles (weight 2^k) into one output, in an
 * accumulator as wide as the ADC plus the shifts. Cost per conversion: one accumulator-wide addition.
 */
public final class ShiftAdd {
    /** Accumulator (adder + register) per bit, NAND2 equivalents; typical [T]. */
    public static final double GATES_PER_BIT = 12;

    private ShiftAdd() {
    }

    /**
     * Width of the accumulator behind one ADC: the ADC bits plus the slice shifts plus, for bit-serial
     * inputs, the input-bit shifts.
     */
    public static int accumulatorBits(int adcBits, int bitsPerCell, int slices, int inputBits, boolean serial) {
        int w = adcBits + bitsPerCell * (slices - 1);
        if (serial) {
            w += inputBits - 1;
        }
        return w;
    }

    /** Recombination weight of the conversion of slice {@code s} in input cycle {@code k}. */
    public static double weight(double sliceWeight, int k, boolean serial) {
        return serial ? Math.scalb(sliceWeight, k) : sliceWeight;
    }

    /** Energy of the accumulation of one conversion, J. */
    public static double energyJ(int accumulatorBits, Technology tech) {
        return accumulatorBits * tech.addBitEnergyJ();
    }

    /** Area of one accumulator, m^2. */
    public static double areaM2(int accumulatorBits, Technology tech) {
        return tech.gatesArea(GATES_PER_BIT * accumulatorBits);
    }
}
