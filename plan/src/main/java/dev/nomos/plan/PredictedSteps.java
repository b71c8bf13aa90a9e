package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The model's most likely steps from a start, breadth-first: every action from each of the first
 * {@code maxFrames} distinct frames reached (a frame the model predicts ends the episode is not
 * gone on from). What the planner learns about a world from its model alone (which object the
 * actions move, where each action moves it) is read from these steps.
 */
final class PredictedSteps {
  /** One predicted step; answers whether to go on. */
  @FunctionalInterface
  interface Visitor {
    boolean step(Frame from, int action, Frame next);
  }

  private PredictedSteps() {}

  static void visit(TransitionModel model, Frame start, int maxFrames, Visitor visitor) {
    int actions = model.schema().actions().size();
    ArrayDeque<Frame> queue = new ArrayDeque<>();
    Set<Long> seen = new HashSet<>();
    queue.add(start);
    seen.add(StateHash.of(start, true));
    int looked = 0;
    while (!queue.isEmpty() && looked < maxFrames) {
      Frame frame = queue.poll();
      looked++;
      for (int a = 0; a < actions; a++) {
        Frame next = model.mostLikelyFrame(frame, a);
        if (!visitor.step(frame, a, next)) {
          return;
        }
        if (!next.terminated() && seen.add(StateHash.of(next, true))) {
          queue.add(next);
        }
      }
    }
  }
}
