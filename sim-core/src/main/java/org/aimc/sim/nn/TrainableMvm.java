package org.aimc.sim.nn;

/**
 * An {@link MvmEngine} that also back-propagates through its own product: hardware-aware training plugs a
 * model of the hardware into the forward pass and needs that model's gradients (straight-through estimators
 * of its quantizers, the reparameterisation of its noise, the Jacobian of its physics) instead of the exact
 * product's. {@link Network#backward(MvmEngine, double[], int, Workspace, Gradients)} and the
 * {@link Trainer} call it for every layer.
 *
 * <p>Contract: {@link #backward} of layer l refers to the most recent {@link #multiply} of layer l, with the
 * same inputs (the engine may keep what that product needs, e.g. its noise draws). An engine may own
 * trainable parameters of its own (learned clipping ranges): {@link #parameters()} and {@link #gradients()}
 * return matching live arrays, which the trainer hands to its optimizer after the network's parameters;
 * {@link #backward} of layer l overwrites the gradient entries of layer l's own parameters.
 */
public interface TrainableMvm extends MvmEngine {
    /**
     * Gradients of the last product of layer {@code layer} given {@code dy = ∂L/∂y} ({@code batch * out}).
     * Overwrites {@code dW} ({@code in * out}, laid out as {@link DenseLayer#weights()}) with ∂L/∂W and, when
     * {@code dx} is not null, the first {@code batch * in} entries of {@code dx} with ∂L/∂x; overwrites the
     * gradients of the engine's own parameters of this layer. Reads {@code x} (the inputs of that product)
     * and {@code dy}.
     */
    void backward(int layer, DenseLayer dense, double[] x, double[] dy, int batch, double[] dW, double[] dx);

    /** The engine's own trainable parameter arrays (live); none by default. */
    default double[][] parameters() {
        return new double[0][];
    }

    /** Gradient arrays matching {@link #parameters()} one for one (live). */
    default double[][] gradients() {
        return new double[0][];
    }

    /**
     * Called by the trainer before the forward pass of optimizer step {@code step} (0-based, counted over the
     * whole run): an engine may draw the step's weight noise or reprogram hardware here.
     */
    default void beforeStep(long step) {
    }

    /**
     * Called by the trainer after optimizer step {@code step} has updated the parameters: an engine may
     * project its own parameters back into their domain (a clipping range stays positive).
     */
    default void afterStep(long step) {
    }
}
