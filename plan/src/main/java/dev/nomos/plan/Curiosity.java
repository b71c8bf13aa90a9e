package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What to do where planning found no way to the goal: the action whose outcome the model is least
 * sure of (the lowest probability of its most likely next frame), a uniformly random one among
 * those it is equally unsure of. Where the model's laws disagree is where it has the most to learn,
 * and a model that is wrong about something (boxes never move) is most often unsure of it too; an
 * agent that only planned would take no step there and so record nothing to learn from.
 *
 * <p>Only the actions chosen least often before in the same state (as {@link StateHash} sees it,
 * velocities included) are candidates: where the least sure action changed nothing the model did
 * not predict, its uncertainty stays, and choosing it again would spend every exploratory step on
 * one lesson (walking into the same wall).
 */
public final class Curiosity {
  /** Log probabilities this close count as equally sure. */
  private static final double TIE = 1e-9;

  private final TransitionModel model;
  private final SplittableRandom random;
  /** Per state, how often each action was chosen there. */
  private final Map<Long, int[]> chosenIn = new HashMap<>();

  public Curiosity(TransitionModel model, long seed) {
    this.model = model;
    this.random = new SplittableRandom(seed);
  }

  /** An action to explore and what the model finds most likely after it. */
  public record Choice(int action, TransitionModel.Outcome expected) {}

  /** The action to explore from {@code frame}: of those chosen least often there, the least sure. */
  public Choice choose(Frame frame) {
    int actions = model.schema().actions().size();
    int[] chosenTimes = chosenIn.computeIfAbsent(StateHash.of(frame, false), k -> new int[actions]);
    int fewest = Integer.MAX_VALUE;
    for (int times : chosenTimes) {
      fewest = Math.min(fewest, times);
    }
    double least = Double.POSITIVE_INFINITY;
    int ties = 0;
    Choice chosen = null;
    for (int a = 0; a < actions; a++) {
      if (chosenTimes[a] > fewest) {
        continue;
      }
      TransitionModel.Outcome outcome = model.mostLikely(frame, a);
      double p = outcome.logProbability();
      if (p < least - TIE) {
        least = p;
        ties = 1;
        chosen = new Choice(a, outcome);
      } else if (p <= least + TIE && random.nextInt(++ties) == 0) {
        // Reservoir choice: each of the equally unsure actions is kept with probability 1 / ties.
        chosen = new Choice(a, outcome);
      }
    }
    chosenTimes[chosen.action()]++;
    return chosen;
  }
}
