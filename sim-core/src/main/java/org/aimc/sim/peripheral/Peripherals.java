package org.aimc.sim.peripheral;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aimc.sim.registry.Kind;
import org.aimc.sim.registry.KindRegistry;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.aimc.sim.spec.SpecException;

/** Registries of converter kinds. */
public final class Peripherals {
    private static final class Holder {
        static final KindRegistry<AdcKind> ADCS = KindRegistry.load("ADC kind", AdcKind.class);
        static final KindRegistry<DacKind> DACS = KindRegistry.load("input driver kind", DacKind.class);
    }

    private Peripherals() {
    }

    public static KindRegistry<AdcKind> adcs() {
        return Holder.ADCS;
    }

    public static KindRegistry<DacKind> dacs() {
        return Holder.DACS;
    }

    /**
     * The error parameters of ADC kind {@code kind}: its defaults, then {@code overrides}. A name is valid if
     * any ADC kind defines it (so one spec can sweep {@code adc.kind} with common overrides); the kind
     * takes the names it defines.
     *
     * @throws SpecException naming an override no ADC kind defines
     */
    public static ParamValues adcParams(String kind, Map<String, Double> overrides) {
        return resolve(adcs(), adcs().require(kind).parameters(), overrides, k -> k.parameters());
    }

    /** As {@link #adcParams} for input-driver kinds. */
    public static ParamValues dacParams(String kind, Map<String, Double> overrides) {
        return resolve(dacs(), dacs().require(kind).parameters(), overrides, k -> k.parameters());
    }

    private static <K extends Kind> ParamValues resolve(KindRegistry<K> reg, List<ParamDef> own,
            Map<String, Double> overrides, java.util.function.Function<K, List<ParamDef>> schema) {
        TreeSet<String> known = new TreeSet<>();
        for (K k : reg.all()) {
            for (ParamDef d : schema.apply(k)) {
                known.add(d.name());
            }
        }
        Map<String, Double> mine = new TreeMap<>();
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new SpecException(e.getKey(), "unknown " + reg.family() + " parameter; known: " + known);
            }
            if (own.stream().anyMatch(d -> d.name().equals(e.getKey()))) {
                mine.put(e.getKey(), e.getValue());
            }
        }
        return ParamValues.resolve(own, Map.of(), mine);
    }
}
