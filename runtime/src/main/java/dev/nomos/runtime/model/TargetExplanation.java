package dev.nomos.runtime.model;

import java.util.List;

/**
 * One target of a transition the model predicted wrong or found unlikely: an object's attribute
 * ({@code alive}, {@code x}, {@code y}, an extra, or several when a joint choice ties them, as
 * {@code x,y}), the world's {@code reward} or {@code end}, or a creation ({@code appears}).
 *
 * @param objectId the object's id (at t; for a creation, the new object's id at t+1, or -1 when nothing
 *     appeared); -1 for the world's targets
 * @param type the object's type, {@code world} for the world's targets
 * @param attribute the target
 * @param observed the value at t+1, as people write it (symbols by name)
 * @param predicted the most likely value
 * @param rival the value the log-odds compare the observed one against: the predicted value when it is
 *     wrong, else the likeliest other value ({@code (unmentioned)} for a value no law names)
 * @param observedProbability p(observed)
 * @param predictedProbability p(predicted)
 * @param laws every law that spoke to the target, the largest |log-odds| first
 */
public record TargetExplanation(int objectId, String type, String attribute, String observed, String predicted,
    String rival, double observedProbability, double predictedProbability, List<LawVoice> laws) {

  public TargetExplanation {
    laws = List.copyOf(laws);
  }

  /** Whether the most likely prediction differs from what happened. */
  public boolean wrong() {
    return !observed.equals(predicted);
  }
}
