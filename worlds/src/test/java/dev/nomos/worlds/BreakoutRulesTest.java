package dev.nomos.worlds;

import static dev.nomos.worlds.Records.byId;
import static dev.nomos.worlds.Records.first;
import static dev.nomos.worlds.Records.touching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks docs/worlds.md's Breakout rules on every transition of a long recording. */
class BreakoutRulesTest {
  private final List<StepRecord> records = RecorderTest.record("breakout", 8, 0.3, 3000);

  @Test
  void touchedBlocksAreDestroyedAndScore() {
    int[] broken = {0};
    Records.pairs(records, (now, next) -> {
      ObjectState ball = first(now, "Ball");
      int points = 0;
      for (ObjectState block : Records.all(now, "Block")) {
        boolean hit = ball != null && touching(ball, block);
        assertEquals(hit, byId(next, block.id()) == null, "block " + block.id() + " at t=" + now.t());
        if (hit) {
          points += (Integer) block.attributes().get("points");
          broken[0]++;
        }
      }
      if (ball != null && now.reward() != 0) {
        assertEquals(points, now.reward());
      }
    });
    assertTrue(broken[0] > 10, "blocks broken: " + broken[0]);
  }

  @Test
  void fireServesABallAndTheZoneBelowDestroysIt() {
    int[] served = {0};
    int[] lost = {0};
    World world = Worlds.create("breakout");
    List<StepRecord> randomPlay = Recorder.record(world, Policies.random(2), 3000, 2, 0);
    Records.pairs(randomPlay, (now, next) -> {
      ObjectState ball = first(now, "Ball");
      if (ball == null) {
        ObjectState created = first(next, "Ball");
        if (now.action().equals("FIRE")) {
          assertNotNull(created);
          assertEquals(78, created.x());
          assertEquals(120, created.y());
          served[0]++;
        } else {
          assertNull(created);
        }
      } else if (touching(ball, first(now, "Zone"))) {
        assertNull(first(next, "Ball"));
        lost[0]++;
      } else {
        assertNotNull(first(next, "Ball"));
      }
    });
    assertTrue(served[0] > 3 && lost[0] > 3, "served " + served[0] + ", lost " + lost[0]);
  }

  @Test
  void ballLeavesThePaddleByWhereItHit() {
    int[] hits = {0};
    Records.triples(records, (p, now, next) -> {
      ObjectState b0 = first(p, "Ball");
      ObjectState b = first(now, "Ball");
      ObjectState b2 = first(next, "Ball");
      if (b0 == null || b == null || b2 == null || b0.id() != b.id()) {
        return;
      }
      ObjectState paddle = first(now, "Player");
      if (b.y() - b0.y() > 0 && touching(b, paddle)) {
        int offset = b.x() - paddle.x();
        assertEquals(offset < 4 ? -3 : offset < 8 ? -1 : offset < 12 ? 1 : 3, b2.x() - b.x());
        assertEquals(offset < 4 || offset >= 12 ? -4 : -3, b2.y() - b.y());
        hits[0]++;
      }
    });
    assertTrue(hits[0] > 5, "paddle hits: " + hits[0]);
  }

  /**
   * The score and the lives are in the frame: the score adds each step's reward, a lost ball takes a
   * life, and the game ends exactly when the last life or the last block is gone.
   */
  @Test
  void scoreAndLivesShowWhatEndsTheGame() {
    World world = Worlds.create("breakout");
    List<StepRecord> randomPlay = Recorder.record(world, Policies.random(4), 6000, 4, 0);
    int[] lastLife = {0};
    Records.pairs(randomPlay, (now, next) -> {
      int lives = value(now, "Lives");
      if (now.t() == 0) {
        assertEquals(List.of(0, 5), List.of(value(now, "PlayerScore"), lives));
      }
      assertEquals(value(now, "PlayerScore") + (int) now.reward(), value(next, "PlayerScore"), "score at t=" + next.t());
      ObjectState ball = first(now, "Ball");
      boolean lost = ball != null && touching(ball, first(now, "Zone"));
      assertEquals(lost ? lives - 1 : lives, value(next, "Lives"), "lives at t=" + next.t());
      boolean over = value(next, "Lives") == 0 || first(next, "Block") == null;
      assertEquals(over, next.done() && !next.truncated(), "end at t=" + next.t());
      lastLife[0] += value(next, "Lives") == 0 ? 1 : 0;
    });
    assertTrue(lastLife[0] > 0, "games lost on the last life: " + lastLife[0]);
  }

  private static int value(StepRecord r, String type) {
    return (Integer) first(r, type).attributes().get("value");
  }
}
