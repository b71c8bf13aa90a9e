package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nomos.runtime.Frame;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrectedRewardTest {
  private static final int RIGHT = 1;

  @Test
  void aCorrectedStepKeepsTheModelsRewardNotTheObservedFramesOwn() {
    Frame start = GridModel.frame(new int[] {PLAYER, 1, 2, 2}, new int[] {MARK, 2, 3, 2});
    // the world refused the move; the observed frame records 7, the reward of the step that leaves it
    Frame.Builder b = Frame.builder(GridModel.SCHEMA).previous(start.withAction(RIGHT)).reward(7);
    b.add(1, PLAYER, 2, 2, 1, 1).add(2, MARK, 3, 2, 1, 1);
    Frame refused = b.build();
    CorrectedTransitions corrected = new CorrectedTransitions(new RewardGridModel(0, 1, (x, y) -> false));
    corrected.observed(start, RIGHT, refused);
    TransitionModel.Outcome likely = corrected.mostLikely(start, RIGHT);
    assertSame(refused, likely.next());
    assertEquals(1.0, likely.reward(), "the model's reward for stepping right onto the mark");
    assertEquals(1.0, corrected.sample(start, RIGHT, new SplittableRandom(1)).reward());
  }
}
