package org.aimc.sim.hat;

import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.TrainableMvm;

/**
 * Hardware-in-the-loop training (physics-aware training, Wright et al., "Deep physical neural networks
 * trained with backpropagation", Nature 601, 549-555, 2022; physics.md §8.3): every layer's forward product
 * runs on a {@link HardwareBackend}, so the activations the network propagates, and the loss, are the
 * hardware's; the backward pass goes through a differentiable twin ({@link ModelMvm} without noise)
 * evaluated at the inputs the hardware was given. Bias, ReLU and the ReLU's mask (from the measured
 * pre-activations) stay digital, as on the chip's host.
 *
 * <p>The weights live on the host and are programmed onto the hardware every {@code reprogramSteps}
 * optimizer steps (write-verify of every device is a chip's expensive operation); in between, the hardware
 * runs the weights it holds while the twin's gradient is taken at the current ones. The twin's learned
 * input ranges are programmed with the weights. Not thread-safe.
 */
public final class HilMvm implements TrainableMvm {
    private final HardwareBackend backend;
    private final ModelMvm twin;
    private final Network net;
    private final int reprogramSteps;
    private double[] scratch = new double[0];

    /**
     * @param backend        the hardware
     * @param twin           the differentiable twin (its clipping levels are trained and programmed)
     * @param net            the network being trained (its weights are programmed)
     * @param reprogramSteps optimizer steps between programmings (≥ 1)
     */
    public HilMvm(HardwareBackend backend, ModelMvm twin, Network net, int reprogramSteps) {
        if (reprogramSteps < 1) {
            throw new IllegalArgumentException("reprogram steps must be >= 1, got " + reprogramSteps);
        }
        this.backend = backend;
        this.twin = twin;
        this.net = net;
        this.reprogramSteps = reprogramSteps;
    }

    public ModelMvm twin() {
        return twin;
    }

    public HardwareBackend backend() {
        return backend;
    }

    /** The network as the hardware would hold it now: the current weights and the twin's input ranges. */
    public QuantisedNetwork deployable() {
        TrainingTarget t = twin.target();
        return QuantisedNetwork.of(net.copy(), t.weightBits(), t.inputBits(), twin.clips());
    }

    @Override
    public void beforeStep(long step) {
        if (backend.programmed() == null || step % reprogramSteps == 0) {
            backend.program(deployable());
        }
    }

    @Override
    public void multiply(int layer, DenseLayer dense, double[] x, int batch, double[] y) {
        if (backend.programmed() == null) {
            backend.program(deployable());
        }
        int n = batch * dense.out();
        if (scratch.length < n) {
            scratch = new double[n];
        }
        // the twin at the hardware's inputs: its state is what the backward pass differentiates
        twin.multiply(layer, dense, x, batch, scratch);
        backend.run(layer, x, batch, y);
    }

    @Override
    public void backward(int layer, DenseLayer dense, double[] x, double[] dy, int batch, double[] dW, double[] dx) {
        twin.backward(layer, dense, x, dy, batch, dW, dx);
    }

    @Override
    public double[][] parameters() {
        return twin.parameters();
    }

    @Override
    public double[][] gradients() {
        return twin.gradients();
    }

    @Override
    public void afterStep(long step) {
        twin.afterStep(step);
    }
}
