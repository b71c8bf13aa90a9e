package dev.nomos.cli;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.runtime.Slots;
import dev.nomos.serve.Predicts;
import java.util.Arrays;
import java.util.List;

/** Which of the world's targets (reward, end) the laws of a model speak to, read from their plans. */
final class WorldTargetLaws {
  private WorldTargetLaws() {}

  static Predicts of(List<LawPlan> laws) {
    boolean reward = false;
    boolean end = false;
    for (LawPlan law : laws) {
      for (PEffect effect : law.effects()) {
        reward |= speaksTo(effect, Slots.REWARD);
        end |= speaksTo(effect, Slots.END);
      }
    }
    return new Predicts(reward, end);
  }

  private static boolean speaksTo(PEffect effect, int slot) {
    if (effect == null) {
      return false;
    }
    if (effect instanceof PEffect.If e) {
      return speaksTo(e.then(), slot) || speaksTo(e.otherwise(), slot);
    }
    if (effect instanceof PEffect.Exact e) {
      return e.var() == PEffect.WORLD && e.slot() == slot;
    }
    if (effect instanceof PEffect.Range e) {
      return e.var() == PEffect.WORLD && e.slot() == slot;
    }
    if (effect instanceof PEffect.Choice e) {
      return e.var() == PEffect.WORLD && e.slot() == slot;
    }
    if (effect instanceof PEffect.ComputedChoice e) {
      return e.var() == PEffect.WORLD && e.slot() == slot;
    }
    if (effect instanceof PEffect.Joint e) {
      return e.var() == PEffect.WORLD && Arrays.stream(e.slots()).anyMatch(s -> s == slot);
    }
    return false; // spawns and creations address no world target
  }
}
