package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.HashMap;
import java.util.Map;

/**
 * The direction each action moves the acting object in, read from the model: over its
 * {@link PredictedSteps} from a start (from at most {@value #FRAMES} frames), the step (dx, dy) by which an
 * action most often moves the actor where it moves it at all; ties go to the step seen first.
 * Actions that never move it get (0, 0).
 */
final class ActionDirections {
  static final int FRAMES = 32;

  private ActionDirections() {}

  static int[][] of(TransitionModel model, Frame start, int actorId) {
    int actions = model.schema().actions().size();
    @SuppressWarnings("unchecked")
    Map<Long, Integer>[] counts = new Map[actions];
    Map<Long, Integer> firstSeen = new HashMap<>();
    for (int a = 0; a < actions; a++) {
      counts[a] = new HashMap<>();
    }
    PredictedSteps.visit(model, start, FRAMES, (frame, a, next) -> {
      int before = frame.indexOfId(actorId);
      int after = next.indexOfId(actorId);
      if (before >= 0 && after >= 0) {
        int dx = next.x(after) - frame.x(before);
        int dy = next.y(after) - frame.y(before);
        if (dx != 0 || dy != 0) {
          long step = pack(dx, dy);
          counts[a].merge(step, 1, Integer::sum);
          firstSeen.putIfAbsent(step, firstSeen.size());
        }
      }
      return true;
    });
    int[][] directions = new int[actions][2];
    for (int a = 0; a < actions; a++) {
      long best = 0;
      int bestCount = 0;
      for (Map.Entry<Long, Integer> e : counts[a].entrySet()) {
        int c = e.getValue();
        if (c > bestCount || c == bestCount && firstSeen.get(e.getKey()) < firstSeen.get(best)) {
          best = e.getKey();
          bestCount = c;
        }
      }
      if (bestCount > 0) {
        directions[a][0] = (int) (best >> 32);
        directions[a][1] = (int) best;
      }
    }
    return directions;
  }

  private static long pack(int dx, int dy) {
    return ((long) dx << 32) | (dy & 0xffffffffL);
  }
}
