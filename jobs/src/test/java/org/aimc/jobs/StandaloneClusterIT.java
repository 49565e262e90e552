package org.aimc.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.aimc.jobs.spark.SparkSessions;
import org.aimc.sim.eval.Column;
import org.aimc.sim.eval.LocalRunner;
import org.aimc.sim.eval.ResultColumns;
import org.aimc.sim.space.SweepPlan;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1 built from the project's own dependencies (1 master, 2
 * workers with 1 core each; executors need a SPARK_HOME whose jars/ links to the Spark jars). A sweep
 * submitted through Spark's submit entry point equals the local run; a worker killed with SIGKILL
 * mid-sweep does not lose or duplicate a point.
 */
class StandaloneClusterIT {
    static final Path TARGET = Path.of("target");
    static final Path APP_JAR = TARGET.resolve("aimc-app.jar");

    @TempDir
    static Path dir;

    static Path sparkHome;
    static String masterUrl;
    static int masterUi;
    static final List<Process> processes = new ArrayList<>();
    static final List<Process> workers = new ArrayList<>();

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** JVM options this test JVM got from the build (Spark's module opens). */
    static List<String> jvmOpens() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect")
                    || a.equals("-XX:+IgnoreUnrecognizedVMOptions")) {
                out.add(a);
            }
        }
        return out;
    }

    static ProcessBuilder java(String mainClass, List<String> args, Path log, String heap) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(jvmOpens());
        cmd.add("-Dlog4j2.configurationFile=" + Path.of("src/test/resources/log4j2-test.properties").toAbsolutePath());
        cmd.add("-cp");
        cmd.add(sparkHome.resolve("jars") + "/*");
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.remove("SPARK_CONF_DIR");
        return pb;
    }

    @BeforeAll
    static void startCluster() throws Exception {
        assertTrue(Files.isRegularFile(APP_JAR), "run after 'mvn package': " + APP_JAR);
        sparkHome = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        Path project = Path.of("..").toAbsolutePath().normalize();
        for (String entry : Files.readString(TARGET.resolve("classpath.txt")).strip().split(":")) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!jar.startsWith(project) && jar.toString().endsWith(".jar")) {
                Path link = jars.resolve(jar.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, jar);
                }
            }
        }
        int port = freePort();
        masterUi = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        processes.add(java("org.apache.spark.deploy.master.Master", List.of("--host", "127.0.0.1", "--port",
                String.valueOf(port), "--webui-port", String.valueOf(masterUi)), dir.resolve("master.log"), "512m").start());
        for (int w = 0; w < 2; w++) {
            Process p = java("org.apache.spark.deploy.worker.Worker", List.of("--host", "127.0.0.1", "--cores", "1",
                    "--memory", "1500m", "--webui-port", String.valueOf(freePort()), "--work-dir",
                    Files.createDirectories(dir.resolve("work" + w)).toString(), masterUrl),
                    dir.resolve("worker" + w + ".log"), "512m").start();
            processes.add(p);
            workers.add(p);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (aliveWorkers() < 2) {
            assertTrue(System.nanoTime() < deadline, "workers did not register:\n" + Files.readString(dir.resolve("master.log")));
            Thread.sleep(500);
        }
    }

    static int aliveWorkers() {
        try {
            String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + masterUi + "/json/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(json);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    @AfterAll
    static void stopCluster() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    static Process submit(Path spec, Path out, String log, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--class", Main.class.getName(), "--master", masterUrl,
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.executor.memory=700m",
                "--conf", "spark.cores.max=2", "--conf", "spark.ui.enabled=false",
                APP_JAR.toAbsolutePath().toString(), "sweep", spec.toString(), "--out", out.toString(), "--no-progress",
                "--no-accuracy"));
        args.addAll(List.of(extra));
        return java("org.apache.spark.deploy.SparkSubmit", args, dir.resolve(log), "1g").start();
    }

    static List<Row> rows(Path out) {
        String[] cols = ResultColumns.all().stream().map(Column::name).toArray(String[]::new);
        return SparkSessions.get("local[2]", "aimc-it").read().parquet(out.resolve("points").toString())
                .selectExpr(cols).orderBy("point_index").collectAsList();
    }

    @Test
    void submittedSweepEqualsTheLocalRun() throws Exception {
        Path spec = Path.of("../conf/sweeps/quickstart.yaml").toAbsolutePath();
        Path out = dir.resolve("cluster-quickstart");
        Process p = submit(spec, out, "submit1.log", "--chunk-size", "40");
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "submit timed out");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("submit1.log")));
        List<Object[]> local = LocalRunner.run(SweepPlan.parse(Files.readString(spec)));
        List<Row> got = rows(out);
        assertEquals(local.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            Object[] g = new Object[got.get(i).size()];
            for (int k = 0; k < g.length; k++) {
                g[k] = got.get(i).get(k);
            }
            assertArrayEquals(local.get(i), g, "point " + i);
        }
        assertTrue(Files.readString(out.resolve("run.json")).contains(masterUrl));
    }

    @Test
    void aWorkerKilledMidSweepLosesNoPoint() throws Exception {
        String yaml = KillResumeIT.grid("worker-kill", 9);
        Path spec = Files.writeString(dir.resolve("worker-kill.yaml"), yaml);
        long size = SweepPlan.parse(yaml).size();
        Path out = dir.resolve("cluster-kill");
        Process p = submit(spec, out, "submit2.log", "--chunk-size", "500");
        Path chunks = out.resolve("_sweep/chunks");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (KillResumeIT.markers(chunks) < 2) {
            assertTrue(p.isAlive(), "sweep ended early:\n" + Files.readString(dir.resolve("submit2.log")));
            assertTrue(System.nanoTime() < deadline, "no chunk committed");
            Thread.sleep(100);
        }
        Process victim = workers.get(1);
        int total = (int) ((size + 499) / 500);
        assertTrue(KillResumeIT.markers(chunks) < total, "the kill must come mid-sweep");
        new ProcessBuilder("kill", "-9", String.valueOf(victim.pid())).start().waitFor();
        assertTrue(p.waitFor(8, TimeUnit.MINUTES), "sweep did not finish after the worker was killed");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("submit2.log")));
        Row r = SparkSessions.get("local[2]", "aimc-it").read().parquet(out.resolve("points").toString())
                .selectExpr("count(*)", "count(DISTINCT point_index)").first();
        assertEquals(size, r.getLong(0), "every point exactly once");
        assertEquals(size, r.getLong(1));
        assertEquals(total, KillResumeIT.markers(chunks));
    }
}
