package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.List;

/**
 * How signed multi-bit weights become device states.
 *
 * @param weightBits  weight precision including the sign, 1..16; 1 = binary weights ±1 (the sign alone, no
 *                    zero: binarised networks), stored as the ±1 of a 2-bit sign-magnitude mapping
 * @param bitsPerCell bits stored per cell at most; a device with fewer levels uses all it has
 * @param signed      {@code differential} (a G+/G- pair per weight slice) or {@code offset} (one device
 *                    holding w + offset; the offset is removed digitally with a reference column)
 */
public record MappingSpec(int weightBits, int bitsPerCell, String signed) implements Serializable {
    public static final List<String> SIGNED = List.of("differential", "offset");

    public MappingSpec {
        Checks.intIn("weight_bits", weightBits, 1, 16);
        Checks.intIn("bits_per_cell", bitsPerCell, 1, 8);
        Checks.oneOf("signed", signed, SIGNED);
    }

    public MappingSpec withWeightBits(int v) {
        return new MappingSpec(v, bitsPerCell, signed);
    }

    public MappingSpec withBitsPerCell(int v) {
        return new MappingSpec(weightBits, v, signed);
    }

    public MappingSpec withSigned(String v) {
        return new MappingSpec(weightBits, bitsPerCell, v);
    }
}
