package org.aimc.sim.nn;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A network's parameters as bytes and back, bit-exact. Layout (big-endian): the 8 ASCII bytes
 * {@code AIMCNET1}; int layer count L; L + 1 ints of layer widths; per layer its weights (fan-in ×
 * fan-out doubles, {@link DenseLayer#weights()} order) then its biases; a CRC-32 of everything before it
 * as a long. Decoding checks all of it and says what is wrong.
 */
public final class NetworkCodec {
    private static final byte[] MAGIC = "AIMCNET1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LAYERS = 1 << 10;

    private NetworkCodec() {
    }

    /** The bytes of {@code net}. */
    public static byte[] encode(Network net) {
        long size = MAGIC.length + 4 + 4L * (net.depth() + 1) + 8 * net.parameterCount() + 8;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("network too large to encode: " + size + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        buf.put(MAGIC).putInt(net.depth());
        for (int s : net.sizes()) {
            buf.putInt(s);
        }
        for (DenseLayer d : net.layers()) {
            buf.asDoubleBuffer().put(d.weights());
            buf.position(buf.position() + 8 * d.weights().length);
            buf.asDoubleBuffer().put(d.bias());
            buf.position(buf.position() + 8 * d.bias().length);
        }
        buf.putLong(crc(buf.array(), buf.position()));
        return buf.array();
    }

    /**
     * The network encoded in {@code bytes}.
     *
     * @throws IllegalArgumentException when the bytes are not an encoded network (bad magic, impossible
     *                                  shape, wrong length, checksum mismatch)
     */
    public static Network decode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        try {
            byte[] magic = new byte[MAGIC.length];
            buf.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not an encoded network: it does not start with 'AIMCNET1'");
            }
            int layers = buf.getInt();
            if (layers < 1 || layers > MAX_LAYERS) {
                throw new IllegalArgumentException("encoded network: layer count " + layers + " outside [1, "
                        + MAX_LAYERS + "]");
            }
            int[] sizes = new int[layers + 1];
            long params = 0;
            for (int i = 0; i <= layers; i++) {
                sizes[i] = buf.getInt();
                if (sizes[i] < 1) {
                    throw new IllegalArgumentException("encoded network: layer width " + sizes[i] + " at " + i);
                }
                if (i > 0) {
                    params += (long) sizes[i - 1] * sizes[i] + sizes[i];
                }
            }
            long expected = MAGIC.length + 4 + 4L * (layers + 1) + 8 * params + 8;
            if (expected != bytes.length) {
                throw new IllegalArgumentException("encoded network of widths " + java.util.Arrays.toString(sizes)
                        + " needs " + expected + " bytes, got " + bytes.length + " (truncated or corrupt)");
            }
            long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
            long actual = crc(bytes, bytes.length - 8);
            if (stored != actual) {
                throw new IllegalArgumentException("encoded network: CRC-32 mismatch (stored " + Long.toHexString(stored)
                        + ", computed " + Long.toHexString(actual) + "); the data is corrupt");
            }
            List<DenseLayer> out = new ArrayList<>(layers);
            for (int l = 0; l < layers; l++) {
                double[] w = new double[sizes[l] * sizes[l + 1]];
                double[] b = new double[sizes[l + 1]];
                buf.asDoubleBuffer().get(w);
                buf.position(buf.position() + 8 * w.length);
                buf.asDoubleBuffer().get(b);
                buf.position(buf.position() + 8 * b.length);
                out.add(new DenseLayer(sizes[l], sizes[l + 1], w, b));
            }
            return new Network(out);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("encoded network: truncated after " + buf.position() + " of "
                    + bytes.length + " bytes", e);
        }
    }

    private static long crc(byte[] b, int len) {
        CRC32 c = new CRC32();
        c.update(b, 0, len);
        return c.getValue();
    }
}
