package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.learn.ShapesWorld;
import dev.nomos.learn.Transition;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mining in parts on several threads gives what mining the transitions one by one gives: every
 * candidate with its name, target, counts and applicability, in the same order.
 */
class MinerPartsTest {

  /** The transitions of several shapes of game one after another: blockers, spawns, random steps and creations. */
  private static List<Transition> transitions() {
    List<Transition> out = new ArrayList<>();
    for (Episode e : List.of(ShapesWorld.walledGridWalk(5, 60), ShapesWorld.shots(40), ShapesWorld.randomLaying(5, 40),
        ShapesWorld.edgeWalkers(30))) {
      for (int k = 0; k + 1 < e.frames().size(); k++) {
        out.add(new Transition(out.size(), e.frames().get(k), e.frames().get(k + 1)));
      }
    }
    return out;
  }

  /** Every candidate's text and counts, one line each, in the order the miner returns them. */
  private static String mined(List<Transition> transitions, List<Frame> predicted, Parallelism workers) {
    StringBuilder out = new StringBuilder();
    for (Candidate c : new Miner(ShapesWorld.SCHEMA, 6).mine(transitions, predicted, () -> false, workers)) {
      out.append(c.nameHint()).append(' ').append(c.group).append(' ').append(c.correct).append('/')
          .append(c.correctWhereWrong).append('/').append(c.applicable).append(' ').append(c.conditions())
          .append('\n').append(c.body()).append('\n');
    }
    return out.toString();
  }

  @Test
  void minedInPartsOnSeveralThreadsAsOneByOne() {
    List<Transition> transitions = transitions();
    // Half of the targets right by "nothing changes", so that counts where the model is wrong differ from counts.
    List<Frame> predicted = new ArrayList<>();
    for (Transition t : transitions.subList(0, transitions.size() / 2)) {
      predicted.add(t.before());
    }
    String serial = mined(transitions, predicted, null);
    assertTrue(serial.lines().count() > 100, "too few candidates to tell anything: " + serial.lines().count());
    for (int threads : new int[] {2, 5}) {
      try (Parallelism workers = Parallelism.of(threads)) {
        assertEquals(serial, mined(transitions, predicted, workers), threads + " threads");
      }
    }
  }
}
