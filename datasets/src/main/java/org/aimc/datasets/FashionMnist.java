package org.aimc.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.aimc.sim.nn.ByteExamples;

/**
 * Fashion-MNIST (H. Xiao, K. Rasul, R. Vollgraf, "Fashion-MNIST: a Novel Image Dataset for Benchmarking
 * Machine Learning Algorithms", arXiv:1708.07747, 2017): 28×28 grey-scale images of 10 clothing classes,
 * 60,000 for training and 10,000 for testing, as four IDX files.
 *
 * <p>Where it is read from, first match wins:
 * <ol>
 *   <li>the system property {@value #PROPERTY} ({@code -Daimc.fashion-mnist.dir=DIR});</li>
 *   <li>the environment variable {@value #ENV};</li>
 *   <li>{@value #DEFAULT_DIR}, where the Debian package {@value #DEBIAN_PACKAGE} installs it
 *       ({@code sudo apt-get install -y dataset-fashion-mnist}).</li>
 * </ol>
 * Each file may be gzip-compressed ({@code train-images-idx3-ubyte.gz}, as Debian ships them) or plain
 * ({@code train-images-idx3-ubyte}).
 *
 * <p>Checksums: on every load the SHA-256 of each file's decompressed IDX bytes is compared with
 * {@link File#sha256()}. The constants were computed ({@code zcat FILE | sha256sum}) from the files of the
 * Debian package {@value #DEBIAN_PACKAGE} version {@value #DEBIAN_VERSION} (upstream commit 55506a9 of
 * github.com/zalandoresearch/fashion-mnist). The decompressed content is hashed, not the {@code .gz}
 * container, because Debian recompressed the files (the MD5 sums of the {@code .gz} files in upstream's
 * README do not match Debian's {@code .gz} files) and because users may supply plain or differently
 * compressed copies of the same data. For reference, the SHA-256 of the Debian {@code .gz} files are
 * t10k-images cc1d090a…6eaa, t10k-labels 8d3605d1…1a05, train-images b0564c3e…00c7, train-labels
 * 0ae29f65…b056.
 */
public final class FashionMnist {
    /** Dataset id used in cache keys. */
    public static final String ID = "fashion-mnist";
    /** System property naming the directory of the four IDX files. */
    public static final String PROPERTY = "aimc.fashion-mnist.dir";
    /** Environment variable naming the directory of the four IDX files. */
    public static final String ENV = "AIMC_FASHION_MNIST_DIR";
    /** Where the Debian package installs the files. */
    public static final String DEFAULT_DIR = "/usr/share/datasets/fashion-mnist";
    /** The Debian package. */
    public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";
    /** The version of the Debian package the checksums come from. */
    public static final String DEBIAN_VERSION = "0.0~git20200523.55506a9-1";
    /** Image side in pixels. */
    public static final int SIDE = 28;
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Class names by label (arXiv:1708.07747, Table 1). */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * One of the four files: base name (without {@code .gz}), expected example count, and SHA-256 of the
     * decompressed IDX bytes (Debian {@value #DEBIAN_PACKAGE} {@value #DEBIAN_VERSION}).
     */
    public enum File {
        TRAIN_IMAGES("train-images-idx3-ubyte", 60_000,
                "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
        TRAIN_LABELS("train-labels-idx1-ubyte", 60_000,
                "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
        TEST_IMAGES("t10k-images-idx3-ubyte", 10_000,
                "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
        TEST_LABELS("t10k-labels-idx1-ubyte", 10_000,
                "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

        private final String baseName;
        private final int examples;
        private final String sha256;

        File(String baseName, int examples, String sha256) {
            this.baseName = baseName;
            this.examples = examples;
            this.sha256 = sha256;
        }

        public String baseName() {
            return baseName;
        }

        public int examples() {
            return examples;
        }

        public String sha256() {
            return sha256;
        }
    }

    private FashionMnist() {
    }

    /** The directory to read from: the system property, else the environment variable, else the default. */
    public static Path directory() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String e = System.getenv(ENV);
        if (e != null && !e.isBlank()) {
            return Path.of(e);
        }
        return Path.of(DEFAULT_DIR);
    }

    /** The {@code name=sha256} lines of the four expected files: the data set's identity in cache keys. */
    public static String checksums() {
        StringBuilder sb = new StringBuilder();
        for (File f : File.values()) {
            sb.append(f.baseName()).append('=').append(f.sha256()).append('\n');
        }
        return sb.toString();
    }

    /** Loads the data set from {@link #directory()}. */
    public static DataSplit load() {
        return load(directory());
    }

    /**
     * Loads the data set from {@code dir}, verifying every file's checksum and shape. Pixels become
     * intensities in [0, 1] (byte / 255).
     *
     * @throws DatasetException when a file is missing (saying how to install the package), corrupt, or not
     *                          Fashion-MNIST
     */
    public static DataSplit load(Path dir) {
        return new DataSplit(ID, examples(dir, File.TRAIN_IMAGES, File.TRAIN_LABELS),
                examples(dir, File.TEST_IMAGES, File.TEST_LABELS), checksums());
    }

    private static ByteExamples examples(Path dir, File imagesFile, File labelsFile) {
        IdxData images = verified(dir, imagesFile);
        IdxData labels = verified(dir, labelsFile);
        int n = imagesFile.examples();
        check(images, imagesFile, new int[] {n, SIDE, SIDE});
        check(labels, labelsFile, new int[] {n});
        byte[] lb = labels.unsignedBytesShared();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = lb[i] & 0xFF;
            if (y[i] >= CLASSES) {
                throw new DatasetException(labelsFile.baseName() + ": label " + y[i] + " of example " + i
                        + " is not a class in [0, 9]");
            }
        }
        return new ByteExamples(images.unsignedBytesShared(), y, SIDE * SIDE, CLASSES, 1.0 / 255.0);
    }

    private static void check(IdxData d, File f, int[] dims) {
        if (d.type() != IdxData.UBYTE || !Arrays.equals(d.dims(), dims)) {
            throw new DatasetException(f.baseName() + ": expected unsigned bytes of dimensions "
                    + Arrays.toString(dims) + ", got " + d);
        }
    }

    /** Reads {@code dir/<name>.gz} or {@code dir/<name>} and checks its SHA-256. */
    static IdxData verified(Path dir, File f) {
        Path gz = dir.resolve(f.baseName() + ".gz");
        Path plain = dir.resolve(f.baseName());
        Path file = Files.isRegularFile(gz) ? gz : Files.isRegularFile(plain) ? plain : null;
        if (file == null) {
            throw new DatasetException("Fashion-MNIST not found: " + gz + " (or " + plain + ") does not exist. "
                    + "Install it with: sudo apt-get install -y " + DEBIAN_PACKAGE + " (it installs the files under "
                    + DEFAULT_DIR + "), or point the system property -D" + PROPERTY + "=DIR or the environment "
                    + "variable " + ENV + "=DIR at a directory holding the four Fashion-MNIST IDX files "
                    + "(gzip or plain).");
        }
        IdxData d = Idx.read(file);
        if (!d.sha256().equals(f.sha256())) {
            throw new DatasetException(file + ": checksum mismatch: the SHA-256 of its IDX content is "
                    + d.sha256() + ", expected " + f.sha256() + " (Fashion-MNIST as shipped by Debian "
                    + DEBIAN_PACKAGE + " " + DEBIAN_VERSION + "); the file is corrupt or not Fashion-MNIST. "
                    + "Reinstall it with: sudo apt-get install --reinstall -y " + DEBIAN_PACKAGE);
        }
        return d;
    }
}
