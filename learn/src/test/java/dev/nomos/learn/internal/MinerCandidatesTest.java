package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.learn.ShapesWorld;
import dev.nomos.learn.Transition;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The miner finds a candidate again by the numbers of its context and effect and writes its text
 * only when asked: each statement must still be one candidate (no two say the same), and the text
 * written late must be the one its binder, guard and effect print.
 */
class MinerCandidatesTest {

  private static List<Candidate> mined() {
    List<Transition> transitions = new ArrayList<>();
    for (Episode e : List.of(ShapesWorld.walledGridWalk(3, 60), ShapesWorld.shots(40), ShapesWorld.randomLaying(3, 40),
        ShapesWorld.edgeWalkers(30), ShapesWorld.march(30))) {
      for (int k = 0; k + 1 < e.frames().size(); k++) {
        transitions.add(new Transition(transitions.size(), e.frames().get(k), e.frames().get(k + 1)));
      }
    }
    List<Frame> predicted = new ArrayList<>();
    for (Transition t : transitions.subList(0, transitions.size() / 3)) {
      predicted.add(t.before());
    }
    return new Miner(ShapesWorld.SCHEMA, 6).mine(transitions, predicted);
  }

  @Test
  void everyStatementIsOneCandidate() {
    List<Candidate> mined = mined();
    assertTrue(mined.size() > 100, "too few candidates to tell anything: " + mined.size());
    Map<String, Candidate> byBody = new HashMap<>();
    for (Candidate c : mined) {
      Candidate other = byBody.put(c.body(), c);
      assertNull(other, () -> "two candidates say\n" + c.body() + "\nas " + c.nameHint() + " and " + other.nameHint());
    }
  }

  @Test
  void textWrittenLateIsTheDraftsText() {
    for (Candidate c : mined()) {
      LawDraft draft = c.draft();
      assertEquals(draft.body(), c.body());
      assertEquals(draft.outcome(), c.effect());
      assertTrue(c.body().contains("then " + c.effect()), c.body());
      assertTrue(c.correct <= c.applicable || c.applicable == 0, () -> c.nameHint() + " right more often than it applies");
      assertTrue(c.nameHint().matches("[a-z0-9_]+"), c.nameHint());
    }
  }
}
