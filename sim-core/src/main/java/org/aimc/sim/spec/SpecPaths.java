package org.aimc.sim.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The typed paths through which YAML sections and sweep axes set values on a {@link PointSpec}. One
 * table serves the {@code base} section, every axis and the canonical form, so a setting means the same
 * wherever it is written. {@code device.<param>}, {@code domain.<param>}, {@code adc.<param>} and
 * {@code dac.<param>} are open-ended: their names are checked against the chosen kinds when a sweep is
 * planned.
 */
public final class SpecPaths {
    private SpecPaths() {
    }

    /** Value type of a path. */
    public enum Type {
        INT, DOUBLE, BOOL, STRING
    }

    /**
     * One settable path.
     *
     * @param name dotted YAML path, e.g. {@code array.rows}
     */
    public record Path(String name, Type type, Function<PointSpec, Object> getter,
            BiFunction<PointSpec, Object, PointSpec> setter) {
        public Object get(PointSpec p) {
            return getter.apply(p);
        }

        public PointSpec set(PointSpec p, Object value) {
            return setter.apply(p, value);
        }

        /** Section part of the name ({@code array} for {@code array.rows}). */
        public String section() {
            return name.substring(0, name.indexOf('.'));
        }

        /** Key part of the name ({@code rows} for {@code array.rows}). */
        public String key() {
            return name.substring(name.indexOf('.') + 1);
        }
    }

    private static final Map<String, Path> FIXED = new LinkedHashMap<>();

    private static void add(String name, Type type, Function<PointSpec, Object> get,
            BiFunction<PointSpec, Object, PointSpec> set) {
        FIXED.put(name, new Path(name, type, get, set));
    }

    static {
        add("device.kind", Type.STRING, p -> p.device().kind(),
                (p, v) -> p.withDevice(p.device().withKind((String) v)));
        add("device.preset", Type.STRING, p -> p.device().preset(),
                (p, v) -> p.withDevice(p.device().withPreset((String) v)));
        add("domain.kind", Type.STRING, p -> p.domain().kind(),
                (p, v) -> p.withDomain(p.domain().withKind((String) v)));
        add("array.rows", Type.INT, p -> p.array().rows(), (p, v) -> p.withArray(p.array().withRows((Integer) v)));
        add("array.cols", Type.INT, p -> p.array().cols(), (p, v) -> p.withArray(p.array().withCols((Integer) v)));
        add("array.access", Type.STRING, p -> p.array().access(),
                (p, v) -> p.withArray(p.array().withAccess((String) v)));
        add("array.wire_ohm", Type.DOUBLE, p -> p.array().wireOhm(),
                (p, v) -> p.withArray(p.array().withWireOhm((Double) v)));
        add("array.weights_per_compute_cell", Type.INT, p -> p.array().weightsPerComputeCell(),
                (p, v) -> p.withArray(p.array().withWeightsPerComputeCell((Integer) v)));
        add("dac.kind", Type.STRING, p -> p.dac().kind(), (p, v) -> p.withDac(p.dac().withKind((String) v)));
        add("dac.bits", Type.INT, p -> p.dac().bits(), (p, v) -> p.withDac(p.dac().withBits((Integer) v)));
        add("adc.kind", Type.STRING, p -> p.adc().kind(), (p, v) -> p.withAdc(p.adc().withKind((String) v)));
        add("adc.bits", Type.INT, p -> p.adc().bits(), (p, v) -> p.withAdc(p.adc().withBits((Integer) v)));
        add("adc.columns_per_adc", Type.INT, p -> p.adc().columnsPerAdc(),
                (p, v) -> p.withAdc(p.adc().withColumnsPerAdc((Integer) v)));
        add("adc.full_scale", Type.STRING, p -> p.adc().fullScale(),
                (p, v) -> p.withAdc(p.adc().withFullScale((String) v)));
        add("adc.clip_sigma", Type.DOUBLE, p -> p.adc().clipSigma(),
                (p, v) -> p.withAdc(p.adc().withClipSigma((Double) v)));
        add("mapping.weight_bits", Type.INT, p -> p.mapping().weightBits(),
                (p, v) -> p.withMapping(p.mapping().withWeightBits((Integer) v)));
        add("mapping.bits_per_cell", Type.INT, p -> p.mapping().bitsPerCell(),
                (p, v) -> p.withMapping(p.mapping().withBitsPerCell((Integer) v)));
        add("mapping.signed", Type.STRING, p -> p.mapping().signed(),
                (p, v) -> p.withMapping(p.mapping().withSigned((String) v)));
        add("operating.node_nm", Type.DOUBLE, p -> p.operating().nodeNm(),
                (p, v) -> p.withOperating(p.operating().withNodeNm((Double) v)));
        add("operating.vdd_v", Type.DOUBLE, p -> p.operating().vddV(),
                (p, v) -> p.withOperating(p.operating().withVddV((Double) v)));
        add("operating.temperature_k", Type.DOUBLE, p -> p.operating().temperatureK(),
                (p, v) -> p.withOperating(p.operating().withTemperatureK((Double) v)));
        add("operating.time_s", Type.DOUBLE, p -> p.operating().timeS(),
                (p, v) -> p.withOperating(p.operating().withTimeS((Double) v)));
        add("operating.drift_compensation", Type.BOOL, p -> p.operating().driftCompensation(),
                (p, v) -> p.withOperating(p.operating().withDriftCompensation((Boolean) v)));
        add("operating.column_calibration", Type.BOOL, p -> p.operating().columnCalibration(),
                (p, v) -> p.withOperating(p.operating().withColumnCalibration((Boolean) v)));
        add("nonideal.programming_noise", Type.DOUBLE, p -> p.nonideal().programmingNoise(),
                (p, v) -> p.withNonideal(p.nonideal().withProgrammingNoise((Double) v)));
        add("nonideal.read_noise", Type.DOUBLE, p -> p.nonideal().readNoise(),
                (p, v) -> p.withNonideal(p.nonideal().withReadNoise((Double) v)));
        add("nonideal.drift", Type.DOUBLE, p -> p.nonideal().drift(),
                (p, v) -> p.withNonideal(p.nonideal().withDrift((Double) v)));
        add("nonideal.ir_drop", Type.STRING, p -> p.nonideal().irDrop(),
                (p, v) -> p.withNonideal(p.nonideal().withIrDrop((String) v)));
        add("nonideal.stuck_at", Type.DOUBLE, p -> p.nonideal().stuckAt(),
                (p, v) -> p.withNonideal(p.nonideal().withStuckAt((Double) v)));
        add("nonideal.nonlinearity", Type.DOUBLE, p -> p.nonideal().nonlinearity(),
                (p, v) -> p.withNonideal(p.nonideal().withNonlinearity((Double) v)));
        add("nonideal.temperature", Type.DOUBLE, p -> p.nonideal().temperature(),
                (p, v) -> p.withNonideal(p.nonideal().withTemperature((Double) v)));
        add("nonideal.circuit_mismatch", Type.DOUBLE, p -> p.nonideal().circuitMismatch(),
                (p, v) -> p.withNonideal(p.nonideal().withCircuitMismatch((Double) v)));
        add("nonideal.circuit_noise", Type.DOUBLE, p -> p.nonideal().circuitNoise(),
                (p, v) -> p.withNonideal(p.nonideal().withCircuitNoise((Double) v)));
        add("data.weights", Type.STRING, p -> p.data().weights(), (p, v) -> p.withData(p.data().withWeights((String) v)));
        add("data.weight_std", Type.DOUBLE, p -> p.data().weightStd(),
                (p, v) -> p.withData(p.data().withWeightStd((Double) v)));
        add("data.input_zero_fraction", Type.DOUBLE, p -> p.data().inputZeroFraction(),
                (p, v) -> p.withData(p.data().withInputZeroFraction((Double) v)));
    }

    /** Sections in canonical order. */
    public static final List<String> SECTIONS = List.of("device", "domain", "array", "dac", "adc", "mapping",
            "operating", "nonideal", "data");

    /** The fixed paths in canonical order. */
    public static List<Path> fixed() {
        return Collections.unmodifiableList(new ArrayList<>(FIXED.values()));
    }

    /** Fixed paths of one section, in canonical order. */
    public static List<Path> ofSection(String section) {
        List<Path> out = new ArrayList<>();
        for (Path p : FIXED.values()) {
            if (p.section().equals(section)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The path with this name. {@code device.<name>}, {@code domain.<name>}, {@code adc.<name>} and
     * {@code dac.<name>} that are not fixed become numeric parameter overrides of that kind.
     *
     * @throws SpecException naming the known paths when there is no such path
     */
    public static Path resolve(String name) {
        Path p = FIXED.get(name);
        if (p != null) {
            return p;
        }
        int dot = name.indexOf('.');
        String section = dot > 0 ? name.substring(0, dot) : name;
        String key = dot > 0 ? name.substring(dot + 1) : "";
        if (!key.isEmpty() && key.matches("[a-z][a-z0-9_]*")) {
            if (section.equals("device")) {
                return new Path(name, Type.DOUBLE, s -> s.device().overrides().get(key),
                        (s, v) -> s.withDevice(s.device().withOverride(key, (Double) v)));
            }
            if (section.equals("domain")) {
                return new Path(name, Type.DOUBLE, s -> s.domain().overrides().get(key),
                        (s, v) -> s.withDomain(s.domain().withOverride(key, (Double) v)));
            }
            if (section.equals("adc")) {
                return new Path(name, Type.DOUBLE, s -> s.adc().overrides().get(key),
                        (s, v) -> s.withAdc(s.adc().withOverride(key, (Double) v)));
            }
            if (section.equals("dac")) {
                return new Path(name, Type.DOUBLE, s -> s.dac().overrides().get(key),
                        (s, v) -> s.withDac(s.dac().withOverride(key, (Double) v)));
            }
        }
        if (!SECTIONS.contains(section)) {
            throw new SpecException(name, "unknown section '" + section + "'; known: " + SECTIONS);
        }
        List<String> keys = new ArrayList<>();
        for (Path q : ofSection(section)) {
            keys.add(q.key());
        }
        throw new SpecException(name, "unknown key '" + key + "' in " + section + "; known: " + keys);
    }
}
