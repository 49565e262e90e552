package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.List;

/**
 * One weight layer of a workload as the matrix-vector products it needs.
 *
 * @param name   layer name
 * @param type   {@code dense} or {@code conv} (a convolution unrolled to im2col MVMs)
 * @param fanIn  MVM rows: inputs of a dense layer, in_channels x kernel_h x kernel_w of a convolution
 * @param fanOut MVM columns: outputs of a dense layer, out_channels of a convolution
 * @param mvms   MVMs per inference: 1 for dense, output height x width for a convolution (x tokens for
 *               sequence models)
 */
public record LayerSpec(String name, String type, int fanIn, int fanOut, long mvms) implements Serializable {
    public static final List<String> TYPES = List.of("dense", "conv");

    public LayerSpec {
        Checks.nonBlank("name", name);
        Checks.oneOf("type", type, TYPES);
        Checks.intIn("fan_in", fanIn, 1, 1 << 24);
        Checks.intIn("fan_out", fanOut, 1, 1 << 24);
        if (mvms < 1 || mvms > (1L << 40)) {
            throw new SpecException("mvms", "must be in [1, 2^40], got " + mvms);
        }
    }

    /** Multiply-accumulates per inference. */
    public double macs() {
        return (double) fanIn * fanOut * mvms;
    }
}
