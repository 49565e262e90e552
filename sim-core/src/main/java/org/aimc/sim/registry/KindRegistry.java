package org.aimc.sim.registry;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The kinds of one plug-in family, found once with {@link ServiceLoader}. Unknown ids fail with the
 * list of known ones; two providers with one id fail at load time.
 *
 * @param <K> the plug-in interface
 */
public final class KindRegistry<K extends Kind> {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String family;
    private final Map<String, K> byId;

    /**
     * Builds a registry from explicit kinds (tests, or {@link #load}).
     *
     * @param family what the kinds are, for messages ("memory type", "compute domain")
     */
    public KindRegistry(String family, Iterable<? extends K> kinds) {
        this.family = family;
        Map<String, K> map = new TreeMap<>();
        for (K k : kinds) {
            String id = k.id();
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalStateException(family + " id '" + id + "' of " + k.getClass().getName()
                        + " is not a lower-case id matching " + ID.pattern());
            }
            K previous = map.put(id, k);
            if (previous != null) {
                throw new IllegalStateException("duplicate " + family + " id '" + id + "': "
                        + previous.getClass().getName() + " and " + k.getClass().getName());
            }
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    /** Loads every provider of {@code type} registered under META-INF/services. */
    public static <K extends Kind> KindRegistry<K> load(String family, Class<K> type) {
        return new KindRegistry<>(family, ServiceLoader.load(type, type.getClassLoader()));
    }

    /** The kind with this id, or an {@link IllegalArgumentException} listing the known ids. */
    public K require(String id) {
        K k = byId.get(id);
        if (k == null) {
            throw new IllegalArgumentException("unknown " + family + " '" + id + "'; known: " + ids());
        }
        return k;
    }

    public Optional<K> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Known ids in sorted order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public List<K> all() {
        return List.copyOf(byId.values());
    }

    public String family() {
        return family;
    }
}
