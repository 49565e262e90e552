package org.aimc.sim.hw;

import java.util.Map;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.Devices;
import org.aimc.sim.domain.DomainModel;
import org.aimc.sim.domain.Domains;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.DeviceFamily;
import org.aimc.sim.spec.PointSpec;

/**
 * One design point resolved for behavioural (tier-B) simulation: its spec, the device at the point's
 * temperature, the domain model and the tile context, with the sweep seed and point index that key every
 * chip instance's random draws. {@link #at} gives the same point evaluated at another time since
 * programming, with or without drift compensation; the chip instances of both share their static draws.
 * Immutable.
 */
public final class HardwarePoint {
    private final PointSpec spec;
    private final Map<String, DeviceFamily> devices;
    private final long seed;
    private final long index;
    private final DeviceModel device;
    private final DomainModel domain;
    private final TileContext context;
    private final String infeasibility;

    private HardwarePoint(PointSpec spec, Map<String, DeviceFamily> devices, long seed, long index) {
        this.spec = spec;
        this.devices = devices;
        this.seed = seed;
        this.index = index;
        this.device = Devices.registry().require(spec.device().kind())
                .create(SweepPlan.deviceParams(spec.device(), devices))
                .atTemperature(spec.operating().temperatureK(), spec.nonideal().temperature());
        this.domain = Domains.registry().require(spec.domain().kind()).create(SweepPlan.domainParams(spec.domain()));
        WeightMapping map = new WeightMapping(spec.mapping(), device.params().bitsPerCellMax);
        if (spec.array().cols() < map.columnsPerWeight()) {
            this.context = null;
            this.infeasibility = "array.cols = " + spec.array().cols() + " is narrower than one weight column ("
                    + map.columnsPerWeight() + " columns)";
        } else {
            this.context = TileContext.of(spec, device);
            this.infeasibility = domain.infeasibility(context);
        }
    }

    /** Point {@code index} of a sweep (decoded from its design space, keyed by its seed). */
    public static HardwarePoint of(SweepPlan plan, long index) {
        return new HardwarePoint(plan.space().decode(index), plan.spec().devices(), plan.spec().seed(), index);
    }

    /**
     * An explicit point.
     *
     * @param devices the device presets the spec's device refers to (a sweep spec's {@code devices})
     * @param seed    sweep seed of the random streams
     * @param index   point index of the random streams
     */
    public static HardwarePoint of(PointSpec spec, Map<String, DeviceFamily> devices, long seed, long index) {
        return new HardwarePoint(spec, devices, seed, index);
    }

    /** This point evaluated {@code timeS} after programming, with or without global drift compensation. */
    public HardwarePoint at(double timeS, boolean driftCompensation) {
        return new HardwarePoint(spec.withOperating(spec.operating().withTimeS(timeS)
                .withDriftCompensation(driftCompensation)), devices, seed, index);
    }

    /**
     * This point with another operand model ({@code data} section): the statistics a layer's tiles are
     * designed for ({@link QuantisedNetwork#operandData}).
     */
    public HardwarePoint withData(org.aimc.sim.spec.DataSpec data) {
        return data.equals(spec.data()) ? this : new HardwarePoint(spec.withData(data), devices, seed, index);
    }

    public PointSpec spec() {
        return spec;
    }

    public long seed() {
        return seed;
    }

    public long index() {
        return index;
    }

    /** The device at the point's temperature. */
    public DeviceModel device() {
        return device;
    }

    public DomainModel domain() {
        return domain;
    }

    /** Why the point cannot be built, or null. */
    public String infeasibility() {
        return infeasibility;
    }

    /**
     * The tile context.
     *
     * @throws IllegalStateException when the point is infeasible (with the reason)
     */
    public TileContext context() {
        if (infeasibility != null) {
            throw new IllegalStateException("infeasible design point: " + infeasibility);
        }
        return context;
    }

    /** Tile rows (inputs per tile). */
    public int tileRows() {
        return spec.array().rows();
    }

    /** Logical weight columns per tile. */
    public int tileColumns() {
        return context().weightColumns();
    }
}
