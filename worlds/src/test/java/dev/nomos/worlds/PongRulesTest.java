package dev.nomos.worlds;

import static dev.nomos.worlds.Records.first;
import static dev.nomos.worlds.Records.touching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks docs/worlds.md's Pong rules on every transition of a long recording. */
class PongRulesTest {
  private final List<StepRecord> records = RecorderTest.record("pong", 21, 0.3, 3000);

  @Test
  void playerPaddleAcceleratesAndCoasts() {
    int[] moving = {0};
    Records.triples(records, (p, now, next) -> {
      ObjectState before = first(p, "Player");
      ObjectState at = first(now, "Player");
      int vy = at.y() - before.y();
      int wanted = switch (now.action()) {
        case "UP", "UPFIRE" -> Math.max(vy - 2, -8);
        case "DOWN", "DOWNFIRE" -> Math.min(vy + 2, 8);
        default -> vy - Integer.signum(vy);
      };
      int expectedY = Math.max(34, Math.min(178, at.y() + wanted));
      assertEquals(expectedY, first(next, "Player").y(), "player y at t=" + next.t());
      if (Math.abs(wanted) > 2) {
        moving[0]++;
      }
    });
    assertTrue(moving[0] > 100, "the paddle reaches speeds above 2: " + moving[0]);
  }

  @Test
  void ballBouncesOffWallsAndPaddlesAndIsServedAfterAPoint() {
    int[] wall = {0};
    int[] paddle = {0};
    int[] serve = {0};
    Records.triples(records, (p, now, next) -> {
      ObjectState b0 = first(p, "Ball");
      ObjectState b = first(now, "Ball");
      ObjectState b2 = first(next, "Ball");
      int vx = b.x() - b0.x();
      int vy = b.y() - b0.y();
      List<ObjectState> zones = Records.all(now, "Zone");
      if (touching(b, zones.get(0)) || touching(b, zones.get(1))) {
        assertEquals(78, b2.x());
        assertEquals(112, b2.y());
        assertEquals(touching(b, zones.get(0)) ? 1.0 : -1.0, now.reward());
        serve[0]++;
        return;
      }
      if (Math.abs(vx) > 5) {
        return; // the step after a serve: its velocity is the serve's, not the jump's
      }
      ObjectState player = first(now, "Player");
      ObjectState enemy = first(now, "Enemy");
      ObjectState hit = vx > 0 && touching(b, player) ? player : vx < 0 && touching(b, enemy) ? enemy : null;
      if (hit != null) {
        int offset = b.y() - hit.y();
        int expectedVy = offset <= 1 ? -4 : offset <= 5 ? -2 : offset <= 9 ? vy : offset <= 13 ? 2 : 4;
        assertEquals(-Integer.signum(vx) * Math.min(Math.abs(vx) + 1, 5), b2.x() - b.x(), "paddle hit vx at t=" + now.t());
        assertEquals(expectedVy, b2.y() - b.y(), "paddle hit vy at t=" + now.t());
        paddle[0]++;
        return;
      }
      List<ObjectState> walls = Records.all(now, "Wall");
      boolean bounce = (vy < 0 && touching(b, walls.get(0))) || (vy > 0 && touching(b, walls.get(1)));
      assertEquals(vx, b2.x() - b.x(), "ball keeps vx at t=" + now.t());
      assertEquals(bounce ? -vy : vy, b2.y() - b.y(), "ball vy at t=" + now.t());
      if (bounce) {
        wall[0]++;
      }
    });
    assertTrue(wall[0] > 10, "wall bounces: " + wall[0]);
    assertTrue(paddle[0] > 10, "paddle hits: " + paddle[0]);
    assertTrue(serve[0] > 3, "serves: " + serve[0]);
  }

  @Test
  void enemyFollowsTheBallOnlyWhileItApproaches() {
    Records.pairs(records, (now, next) -> {
      if (now.t() == 0) {
        return;
      }
      StepRecord p = records.get(records.indexOf(now) - 1);
      int ballVx = first(now, "Ball").x() - first(p, "Ball").x();
      ObjectState e = first(now, "Enemy");
      int wanted = ballVx < 0 ? Math.max(-3, Math.min(3, first(now, "Ball").y() - e.y() - 6)) : 0;
      assertEquals(Math.max(34, Math.min(178, e.y() + wanted)), first(next, "Enemy").y());
    });
  }

  /** Both scores are in the frame: each point shows on its side's score, and the game ends at five. */
  @Test
  void scoresShowThePointsAndTheGameEndsAtFive() {
    int[] ends = {0};
    Records.pairs(records, (now, next) -> {
      int player = score(now, "PlayerScore");
      int enemy = score(now, "EnemyScore");
      if (now.t() == 0) {
        assertEquals(List.of(0, 0), List.of(player, enemy));
      }
      assertEquals(now.reward() > 0 ? player + 1 : player, score(next, "PlayerScore"), "player score at t=" + next.t());
      assertEquals(now.reward() < 0 ? enemy + 1 : enemy, score(next, "EnemyScore"), "enemy score at t=" + next.t());
      boolean five = score(next, "PlayerScore") == 5 || score(next, "EnemyScore") == 5;
      assertEquals(five, next.done() && !next.truncated(), "end at t=" + next.t());
      ends[0] += five ? 1 : 0;
    });
    assertTrue(ends[0] > 0, "games played to five: " + ends[0]);
  }

  private static int score(StepRecord r, String type) {
    return (Integer) first(r, type).attributes().get("value");
  }
}
