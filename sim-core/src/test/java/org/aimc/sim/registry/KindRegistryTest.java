package org.aimc.sim.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aimc.sim.device.Devices;
import org.aimc.sim.domain.Domains;
import org.aimc.sim.peripheral.Peripherals;
import org.junit.jupiter.api.Test;

class KindRegistryTest {
    record K(String id) implements Kind {
        @Override
        public String description() {
            return id;
        }
    }

    @Test
    void duplicateIdsFailAtLoad() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new KindRegistry<>("thing", List.of(new K("a"), new K("a"))));
        assertTrue(e.getMessage().contains("duplicate thing id 'a'"), e.getMessage());
    }

    @Test
    void unknownIdsListTheKnownOnes() {
        KindRegistry<K> r = new KindRegistry<>("thing", List.of(new K("b"), new K("a")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.require("c"));
        assertEquals("unknown thing 'c'; known: [a, b]", e.getMessage());
    }

    @Test
    void idsMustBeLowerCaseWords() {
        assertThrows(IllegalStateException.class, () -> new KindRegistry<>("thing", List.of(new K("Bad Id"))));
    }

    @Test
    void theShippedKindsAreRegistered() {
        assertTrue(Devices.registry().ids().containsAll(List.of("pcm", "rram", "sram")));
        assertTrue(Domains.registry().ids().containsAll(List.of("current", "charge", "charge-redistribution",
                "capacitive-division", "resistive-division", "time")));
        assertTrue(Peripherals.adcs().ids().containsAll(List.of("ideal", "sar", "flash", "ramp", "cco", "tdc")));
        assertTrue(Peripherals.dacs().ids().containsAll(List.of("amplitude", "bit-serial", "pwm")));
    }
}
