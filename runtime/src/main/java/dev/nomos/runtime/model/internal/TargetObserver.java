package dev.nomos.runtime.model.internal;

/** Receives what an observed next frame says about each target of frame t. */
public interface TargetObserver {

  /** A target some law spoke to (partition {@code part}) took {@code value}; {@code type} owns it. */
  void observed(int part, int value, int type);

  /**
   * A term that no weight affects: a target no law spoke to (uniform over its support, which an
   * out-of-support observation extends by one value), or a new object no spawn explains.
   */
  void constant(double logProbability, int type);
}
