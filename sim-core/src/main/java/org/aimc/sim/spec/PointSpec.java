package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.Objects;

/**
 * Everything that describes one design point: the independent parts of design.md §3 plus the operand
 * statistics the estimates average over. Sweeps start from a base {@code PointSpec} and set values on
 * it through {@link SpecPaths}.
 */
public record PointSpec(DeviceSpec device, DomainSpec domain, ArraySpec array, DacSpec dac, AdcSpec adc,
        MappingSpec mapping, OperatingSpec operating, NonidealSpec nonideal, DataSpec data) implements Serializable {

    /**
     * Defaults for every field a spec leaves out. Stuck-at faults are off unless asked for
     * ({@code nonideal.stuck_at: 1}): the preset rates (0.1 % of devices, physics.md §4, unverified) are for
     * unmitigated arrays, while measured macros program around known faults with write-verify and spare
     * columns; left on, they dominate every bit-sliced design (about 27 % relative MVM error at the
     * default point). The operating and array values follow the examples of
     * physics.md: aihwkit's wire segment of 0.35 ohm (physics.md §5.1, [S, 3]) and a 22 nm node.
     */
    public static final PointSpec DEFAULTS = new PointSpec(
            DeviceSpec.of("rram"),
            DomainSpec.of("current"),
            new ArraySpec(256, 256, "1T1R", 0.35),
            new DacSpec("bit-serial", 8),
            new AdcSpec("sar", 8, 1, "sigma", 4.0),
            new MappingSpec(8, 2, "differential"),
            new OperatingSpec(22, 0.8, 300, 3600, true, true),
            new NonidealSpec(1.0, 1.0, 1.0, "analytic", 0.0, 1.0, 1.0, 1.0, 1.0),
            new DataSpec("gaussian", 0.25, 0.5));

    public PointSpec {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(dac, "dac");
        Objects.requireNonNull(adc, "adc");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(operating, "operating");
        Objects.requireNonNull(nonideal, "nonideal");
        Objects.requireNonNull(data, "data");
    }

    public PointSpec withDevice(DeviceSpec v) {
        return new PointSpec(v, domain, array, dac, adc, mapping, operating, nonideal, data);
    }

    public PointSpec withDomain(DomainSpec v) {
        return new PointSpec(device, v, array, dac, adc, mapping, operating, nonideal, data);
    }

    public PointSpec withArray(ArraySpec v) {
        return new PointSpec(device, domain, v, dac, adc, mapping, operating, nonideal, data);
    }

    public PointSpec withDac(DacSpec v) {
        return new PointSpec(device, domain, array, v, adc, mapping, operating, nonideal, data);
    }

    public PointSpec withAdc(AdcSpec v) {
        return new PointSpec(device, domain, array, dac, v, mapping, operating, nonideal, data);
    }

    public PointSpec withMapping(MappingSpec v) {
        return new PointSpec(device, domain, array, dac, adc, v, operating, nonideal, data);
    }

    public PointSpec withOperating(OperatingSpec v) {
        return new PointSpec(device, domain, array, dac, adc, mapping, v, nonideal, data);
    }

    public PointSpec withNonideal(NonidealSpec v) {
        return new PointSpec(device, domain, array, dac, adc, mapping, operating, v, data);
    }

    public PointSpec withData(DataSpec v) {
        return new PointSpec(device, domain, array, dac, adc, mapping, operating, nonideal, v);
    }
}
