package org.aimc.sim.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aimc.sim.spec.Axis;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecException;
import org.junit.jupiter.api.Test;

class DesignSpaceTest {
    private static final String[] INT_PATHS = {"array.rows", "array.cols", "adc.bits", "dac.bits",
        "adc.columns_per_adc", "mapping.weight_bits"};

    /** Random spaces of 1-5 axes with 1-6 values each. */
    private static DesignSpace randomSpace(SplittableRandom r) {
        int n = 1 + r.nextInt(5);
        List<Axis> axes = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            int k = 1 + r.nextInt(6);
            List<Object> vals = new ArrayList<>();
            for (int v = 0; v < k; v++) {
                vals.add(2 + v);
            }
            axes.add(new Axis(INT_PATHS[a], vals));
        }
        return new DesignSpace(PointSpec.DEFAULTS, axes);
    }

    @Test
    void encodeInvertsDecodeOverRandomSpaces() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            DesignSpace s = randomSpace(r);
            int[] d = new int[s.axisCount()];
            long expectedSize = 1;
            for (Axis a : s.axes()) {
                expectedSize *= a.size();
            }
            assertEquals(expectedSize, s.size());
            for (long i = 0; i < s.size(); i++) {
                s.digits(i, d);
                assertEquals(i, s.encode(d));
            }
        }
    }

    @Test
    void lastAxisVariesFastest() {
        DesignSpace s = new DesignSpace(PointSpec.DEFAULTS, List.of(new Axis("array.rows", List.of(64, 128)),
                new Axis("adc.bits", List.of(4, 5, 6))));
        assertEquals(64, s.decode(0).array().rows());
        assertEquals(5, s.decode(1).adc().bits());
        assertEquals(128, s.decode(3).array().rows());
        assertEquals(4, s.decode(3).adc().bits());
    }

    @Test
    void incrementalDecoderEqualsPureDecodeInAnyOrder() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            DesignSpace s = randomSpace(r);
            DesignSpace.Decoder dec = s.decoder();
            int[] d = new int[s.axisCount()];
            for (int k = 0; k < 100; k++) {
                long i = r.nextLong(s.size());
                assertEquals(s.decode(i), dec.decode(i, d));
            }
        }
    }

    @Test
    void overflowingAxesAreRejected() {
        List<Axis> axes = new ArrayList<>();
        List<Object> vals = new ArrayList<>();
        for (int v = 1; v <= 1000; v++) {
            vals.add((double) v);
        }
        for (String p : List.of("operating.time_s", "operating.vdd_v", "operating.temperature_k", "operating.node_nm",
                "array.wire_ohm", "nonideal.drift", "nonideal.read_noise")) {
            axes.add(new Axis(p, vals));
        }
        SpecException e = assertThrows(SpecException.class, () -> new DesignSpace(PointSpec.DEFAULTS, axes));
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
    }

    @Test
    void indexOutsideTheSpaceIsAnError() {
        DesignSpace s = new DesignSpace(PointSpec.DEFAULTS, List.of(new Axis("adc.bits", List.of(4, 5))));
        assertThrows(IndexOutOfBoundsException.class, () -> s.decode(2));
        assertThrows(IndexOutOfBoundsException.class, () -> s.decode(-1));
    }
}
