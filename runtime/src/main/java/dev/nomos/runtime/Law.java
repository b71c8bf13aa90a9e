package dev.nomos.runtime;

/**
 * One expert of a product-of-experts world model: given frame t (with its history and the action
 * taken at t), it states opinions on attributes of frame t+1. The interpreter and the generated
 * classes implement this same interface, so the two must emit identical opinions in identical order.
 *
 * <p>Implementations are stateless and thread-safe; {@link #apply} must terminate and must not
 * throw for any frame of the law's world. Opinions address objects by their index in {@code frame}.
 */
public interface Law {

  /** The law's name, unique within a model. */
  String name();

  /** Emits this law's opinions about frame t+1 into {@code out}. */
  void apply(Frame frame, OpinionSink out);

  /**
   * The frames this law can have opinions on; outside them {@link #apply} emits nothing, so the
   * runtime may skip the call. {@link LawScope#ANY} unless the implementation knows better.
   */
  default LawScope scope() {
    return LawScope.ANY;
  }
}
