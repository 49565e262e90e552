package org.aimc.jobs.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of a JVM. Under {@code spark-submit} it takes the submitted configuration; on
 * its own it runs embedded ({@code local[*]} unless {@code --master} says otherwise), reading
 * {@code conf/spark-defaults.conf} of the installation for anything not set, and always with Kryo and
 * registration required.
 */
public final class SparkSessions {
    /** Settings every aimc session needs, applied unless already set. */
    static final Map<String, String> REQUIRED = Map.of(
            "spark.serializer", "org.apache.spark.serializer.KryoSerializer",
            "spark.kryo.registrator", AimcKryoRegistrator.class.getName(),
            "spark.kryo.registrationRequired", "true");

    private SparkSessions() {
    }

    /**
     * Returns the session, creating it if needed.
     *
     * @param master master URL, or null for the submitted one or {@code local[*]}
     */
    public static synchronized SparkSession get(String master, String appName) {
        SparkConf conf = new SparkConf(true);
        Map<String, String> defaults = defaultsFile();
        for (Map.Entry<String, String> e : defaults.entrySet()) {
            if (!conf.contains(e.getKey())) {
                conf.set(e.getKey(), e.getValue());
            }
        }
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        for (Map.Entry<String, String> e : REQUIRED.entrySet()) {
            if (!conf.contains(e.getKey())) {
                conf.set(e.getKey(), e.getValue());
            }
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.app.name", appName);
        SparkSession s = SparkSession.builder().config(conf).getOrCreate();
        s.sparkContext().setLogLevel(System.getProperty("aimc.spark.log.level", "WARN"));
        return s;
    }

    /** Stops the session of this JVM, if one was started (before the process exits). */
    public static synchronized void stopIfRunning() {
        scala.Option<SparkSession> s = SparkSession.getDefaultSession();
        if (s.isDefined()) {
            s.get().stop();
        }
    }

    /** {@code key value} lines of {@code $aimc.home/conf/spark-defaults.conf}, when present. */
    static Map<String, String> defaultsFile() {
        Map<String, String> out = new LinkedHashMap<>();
        String home = System.getProperty("aimc.home");
        if (home == null) {
            return out;
        }
        Path p = Path.of(home, "conf", "spark-defaults.conf");
        if (!Files.isRegularFile(p)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(p);
            for (String line : lines) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] kv = t.split("\\s+", 2);
                if (kv.length == 2) {
                    out.put(kv[0], kv[1].strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p + ": " + e.getMessage(), e);
        }
        return out;
    }
}
