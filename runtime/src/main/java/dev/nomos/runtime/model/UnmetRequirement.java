package dev.nomos.runtime.model;

/**
 * A target of one predicted frame whose constraints' requirements exclude each other: no value
 * meets them all, so the model left it unconstrained there. {@code frameIndex} counts the frames a
 * rollout predicted (0 is the first); {@code constraint} is the constraint whose requirement
 * excluded the last remaining values.
 */
public record UnmetRequirement(int frameIndex, String constraint, int objectId, String type, String attribute) {

  /** One line for a user: which object and attribute, and which constraint. */
  public String message() {
    return "predicted frame " + (frameIndex + 1) + ": no value of " + type + " #" + objectId + "." + attribute
        + " meets every requirement (constraint '" + constraint + "' excludes the last); it is left unconstrained";
  }
}
