package org.aimc.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locating and verifying Fashion-MNIST without the real files. */
class FashionMnistTest {
    @TempDir
    Path dir;

    @Test
    void missingFilesSayHowToInstallThem() {
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(dir));
        String m = e.getMessage();
        assertTrue(m.startsWith("Fashion-MNIST not found: " + dir.resolve("train-images-idx3-ubyte.gz")), m);
        assertTrue(m.contains("sudo apt-get install -y dataset-fashion-mnist"), m);
        assertTrue(m.contains("-Daimc.fashion-mnist.dir=DIR"), m);
        assertTrue(m.contains("AIMC_FASHION_MNIST_DIR=DIR"), m);
    }

    @Test
    void aChecksumMismatchIsAClearError() throws Exception {
        // well-formed IDX files of the right names whose content is not Fashion-MNIST
        for (FashionMnist.File f : FashionMnist.File.values()) {
            boolean images = f.baseName().contains("images");
            int[] dims = images ? new int[] {2, 28, 28} : new int[] {2};
            Files.write(dir.resolve(f.baseName()), IdxTest.idx(0x08, dims, new byte[images ? 2 * 784 : 2]));
        }
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(dir));
        String m = e.getMessage();
        Path file = dir.resolve("train-images-idx3-ubyte");
        assertTrue(m.startsWith(file + ": checksum mismatch: the SHA-256 of its IDX content is "), m);
        assertTrue(m.contains("expected c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"), m);
        assertTrue(m.contains("dataset-fashion-mnist 0.0~git20200523.55506a9-1"), m);
    }

    @Test
    void theSystemPropertyChoosesTheDirectory() {
        String before = System.getProperty(FashionMnist.PROPERTY);
        try {
            System.setProperty(FashionMnist.PROPERTY, dir.toString());
            assertEquals(dir, FashionMnist.directory());
            assertThrows(DatasetException.class, FashionMnist::load);
        } finally {
            if (before == null) {
                System.clearProperty(FashionMnist.PROPERTY);
            } else {
                System.setProperty(FashionMnist.PROPERTY, before);
            }
        }
        String env = System.getenv(FashionMnist.ENV);
        Path expected = env != null && !env.isBlank() ? Path.of(env) : Path.of(FashionMnist.DEFAULT_DIR);
        assertEquals(expected, FashionMnist.directory());
    }

    @Test
    void checksumLinesNameEveryFile() {
        String c = FashionMnist.checksums();
        assertEquals(4, c.lines().count());
        assertTrue(c.contains("t10k-labels-idx1-ubyte=0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));
    }
}
