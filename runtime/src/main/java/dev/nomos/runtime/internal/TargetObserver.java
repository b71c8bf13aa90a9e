package dev.nomos.runtime.internal;

/** Receives what an observed next frame says about each target of frame t. */
public interface TargetObserver {
  /** The {@code type} of a term owned by no declared type: an object of an undeclared type appearing. */
  int UNDECLARED = -1;
  /** The {@code type} of the world's reward target: owned by no entity type. */
  int REWARD = -2;
  /** The {@code type} of the world's end target: owned by no entity type. */
  int END = -3;

  /** A target some law spoke to (partition {@code part}) took {@code value}; {@code type} owns it. */
  void observed(int part, int value, int type);

  /** Creation target {@code target} ({@link Creations}) of {@code type}: an object appeared there or not. */
  void creation(int target, boolean appeared, int type);

  /**
   * The targets of joint block {@code block} ({@link JointBlocks}) took {@code values}, one per
   * coordinate in block order (the array is reused: read it before returning); {@code type} owns them.
   */
  void observedJoint(int block, int[] values, int type);

  /**
   * A term that no weight affects: a target no law spoke to (uniform over its support, which an
   * out-of-support observation extends by one value), or a new object no spawn explains ({@code type}
   * is {@link #UNDECLARED} for an object of a type the world does not declare).
   */
  void constant(double logProbability, int type);
}
