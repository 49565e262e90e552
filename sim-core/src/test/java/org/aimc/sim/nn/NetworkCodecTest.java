package org.aimc.sim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NetworkCodecTest {
    @Test
    void roundTripIsBitExact() {
        Network net = Network.initialized(new int[] {7, 5, 3}, 2);
        net.layer(1).bias()[2] = -0.0;
        net.layer(0).bias()[0] = Double.MIN_VALUE;
        byte[] bytes = NetworkCodec.encode(net);
        assertEquals(8 + 4 + 3 * 4 + 8 * (7 * 5 + 5 + 5 * 3 + 3) + 8, bytes.length);
        Network back = NetworkCodec.decode(bytes);
        assertArrayEquals(net.sizes(), back.sizes());
        for (int l = 0; l < net.depth(); l++) {
            assertArrayEquals(net.layer(l).weights(), back.layer(l).weights(), 0.0);
            for (int j = 0; j < net.layer(l).out(); j++) {
                assertEquals(Double.doubleToRawLongBits(net.layer(l).bias()[j]),
                        Double.doubleToRawLongBits(back.layer(l).bias()[j]));
            }
        }
        assertArrayEquals(bytes, NetworkCodec.encode(back));
    }

    @Test
    void damageIsDetected() {
        byte[] bytes = NetworkCodec.encode(Network.initialized(new int[] {4, 3}, 1));
        byte[] flipped = bytes.clone();
        flipped[40] ^= 1;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkCodec.decode(flipped)).getMessage()
                .contains("CRC-32 mismatch"));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 9);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkCodec.decode(cut)).getMessage()
                .contains("truncated or corrupt"));
        byte[] other = bytes.clone();
        other[0] = 'X';
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkCodec.decode(other)).getMessage()
                .contains("does not start with 'AIMCNET1'"));
        assertThrows(IllegalArgumentException.class, () -> NetworkCodec.decode(new byte[5]));
    }
}
