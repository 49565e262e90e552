package org.aimc.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.aimc.jobs.Main;
import org.aimc.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a real sweep, its Pareto front, refined and training tables, then {@code aimc report}; the
 * page is opened in headless Chromium (Debian's {@code chromium}, which .ci/run installs) and every image
 * must load with a non-zero size. Fails, never skips, when Chromium is missing.
 */
class ReportIT {
    @TempDir
    static Path dir;
    static Path results;

    @BeforeAll
    static void sweepAndTables() {
        System.setProperty("java.awt.headless", "true");
        SparkSession spark = SparkSessions.get("local[2]", "aimc IT");
        results = dir.resolve("qs");
        Path spec = Path.of("..", "conf", "sweeps", "quickstart.yaml");
        assertEquals(0, Main.execute("sweep", spec.toString(), "--out", results.toString(), "--no-progress",
                "--no-accuracy")); // the report then plots mvm_rel_error in place of accuracy, and says so
        assertEquals(0, Main.execute("pareto", results.toString(), "--objectives",
                "energy_per_inference_j:min,mvm_rel_error:min,chip_area_m2:min"));
        // refined and training tables with the columns their commands write (values made up for the plots)
        spark.sql("SELECT point_index, memory_type, time_s, 0.9 - mvm_rel_error / 4 AS accuracy_est, "
                + "0.88 - mvm_rel_error / 3 AS accuracy_mean, 0.87 - mvm_rel_error / 3 AS accuracy_ci95_low, "
                + "0.89 - mvm_rel_error / 3 AS accuracy_ci95_high FROM parquet.`" + results.resolve("points")
                + "` WHERE point_index % 7 = 0").write().parquet(results.resolve("refined").toString());
        spark.sql("SELECT 5 AS point_index, m AS method, t AS time_s, 0.88 - CASE WHEN m = 'baseline' THEN 0.01 "
                + "ELSE 0.002 END * log10(t) AS accuracy_hw_mean FROM VALUES ('baseline'), ('noise-injection') AS a(m) "
                + "CROSS JOIN VALUES (1.0), (3600.0), (86400.0), (31536000.0) AS b(t)")
                .write().parquet(results.resolve("training").toString());
    }

    static String chromium() {
        for (String c : List.of("chromium", "chromium-browser")) {
            for (String p : System.getenv("PATH").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(p, c))) {
                    return Path.of(p, c).toString();
                }
            }
        }
        return null;
    }

    @Test
    void everyImageLoadsInHeadlessChromium() throws Exception {
        Path html = dir.resolve("report.html");
        assertEquals(0, Main.execute("report", results.toString(), "--out", html.toString()));
        String page = Files.readString(html);
        assertTrue(page.contains("mvm_rel_error (lower is better) in place of accuracy"), "the page says so");
        assertTrue(page.contains("Iso-accuracy threshold: mvm_rel_error ≤ 0.05"), "threshold stated");
        assertTrue(!page.contains("http://") && !page.contains("https://"), "no network references");
        assertTrue(!page.contains("Not available"), "every section has its data here");

        // every embedded image decodes, has the chart size and is not one flat colour
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
        int n = 0;
        while (m.find()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(img, "image " + n + " decodes");
            assertEquals(Charts.WIDTH, img.getWidth());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 3) {
                for (int x = 0; x < img.getWidth(); x += 3) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 8, "image " + n + " has " + colours.size() + " colours");
            n++;
        }
        assertEquals(6, n, "six plots");
        assertEquals(n, page.split("<img ", -1).length - 1, "every img is an embedded PNG");

        String chromium = chromium();
        assertNotNull(chromium, "headless Chromium is required for this test: apt-get install chromium "
                + "(.ci/run installs it)");
        // a copy of the page with a script that records each image's state into the DOM after load
        String probe = "<script>window.addEventListener('load',function(){var o=[];"
                + "document.querySelectorAll('img').forEach(function(i){o.push(i.complete+':'+i.naturalWidth+'x'"
                + "+i.naturalHeight)});var p=document.createElement('pre');p.id='imgcheck';"
                + "p.textContent='['+o.join(';')+']';document.body.appendChild(p)});</script>";
        Path probed = dir.resolve("probed.html");
        Files.writeString(probed, page.replace("</body>", probe + "</body>"));
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"),
                "--virtual-time-budget=10000", "--dump-dom", probed.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.err").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, p.exitValue(), "chromium exit; stderr: " + Files.readString(dir.resolve("chromium.err")));
        Matcher c = Pattern.compile("<pre id=\"imgcheck\">\\[(.*?)]</pre>").matcher(dom);
        assertTrue(c.find(), "the probe ran in Chromium; DOM tail: " + dom.substring(Math.max(0, dom.length() - 400)));
        String[] states = c.group(1).split(";");
        assertEquals(n, states.length, c.group(1));
        for (String s : states) {
            assertEquals("true:" + Charts.WIDTH + "x" + Charts.HEIGHT, s, "image state in Chromium");
        }
    }
}
