package dev.nomos.worlds;

import static dev.nomos.worlds.Records.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Checks docs/worlds.md's invaders rules on every transition of long mixed recordings. */
class InvadersRulesTest {
  private static final List<StepRecord> RECORDS = RecorderTest.record("invaders", 3, 0.5, 4000);

  private static boolean overlap(ObjectState a, ObjectState b) {
    return a != null && b != null && a.x() == b.x() && a.y() == b.y();
  }

  private static boolean overlapsAny(ObjectState a, List<ObjectState> others) {
    return others.stream().anyMatch(o -> overlap(a, o));
  }

  @Test
  void theCannonMovesFiresAndIsDestroyedByABomb() {
    Map<String, Integer> seen = new TreeMap<>();
    Records.pairs(RECORDS, (now, next) -> {
      ObjectState c = first(now, "Cannon");
      ObjectState c2 = first(next, "Cannon");
      boolean bombed = overlapsAny(c, Records.all(now, "Bomb"));
      if (bombed) {
        assertNull(c2, "a bomb destroys the cannon");
        assertTrue(next.done(), "and the episode ends");
        count(seen, "bombed");
        return;
      }
      int dx = now.action().equals("LEFT") ? -1 : now.action().equals("RIGHT") ? 1 : 0;
      assertEquals(List.of(Math.max(0, Math.min(11, c.x() + dx)), 11), List.of(c2.x(), c2.y()));
      ObjectState m = first(now, "Missile");
      List<ObjectState> newMissiles = next.objects().stream()
          .filter(o -> o.type().equals("Missile") && Records.byId(now, o.id()) == null).toList();
      if (now.action().equals("FIRE") && m == null) {
        assertEquals(1, newMissiles.size(), "FIRE with no missile flying launches one");
        assertEquals(List.of(c.x(), 10), List.of(newMissiles.get(0).x(), newMissiles.get(0).y()));
        count(seen, "fired");
      } else {
        assertEquals(List.of(), newMissiles);
      }
    });
    assertTrue(seen.getOrDefault("bombed", 0) >= 5 && seen.getOrDefault("fired", 0) >= 50, seen.toString());
  }

  @Test
  void missilesAndBombsFlyAndAreDestroyedOnContact() {
    Map<String, Integer> seen = new TreeMap<>();
    Records.pairs(RECORDS, (now, next) -> {
      List<ObjectState> invaders = Records.all(now, "Invader");
      List<ObjectState> bombs = Records.all(now, "Bomb");
      ObjectState m = first(now, "Missile");
      if (m != null) {
        boolean hits = overlapsAny(m, invaders) || overlapsAny(m, bombs);
        ObjectState m2 = Records.byId(next, m.id());
        if (hits || m.y() == 0) {
          assertNull(m2, "missile " + m.id() + " at " + now.t());
          count(seen, hits ? "missile hit" : "missile out");
        } else {
          assertEquals(List.of(m.x(), m.y() - 1), List.of(m2.x(), m2.y()));
        }
      }
      for (ObjectState e : invaders) {
        assertEquals(overlap(e, m), Records.byId(next, e.id()) == null, "invader " + e.id() + " at " + now.t());
      }
      for (ObjectState b : bombs) {
        boolean gone = overlap(b, m) || overlap(b, first(now, "Cannon")) || b.y() == 11;
        ObjectState b2 = Records.byId(next, b.id());
        if (gone) {
          assertNull(b2, "bomb " + b.id() + " at " + now.t());
        } else {
          assertEquals(List.of(b.x(), b.y() + 1), List.of(b2.x(), b2.y()));
        }
      }
    });
    assertTrue(seen.getOrDefault("missile hit", 0) >= 50 && seen.getOrDefault("missile out", 0) >= 5, seen.toString());
  }

  /**
   * The formation moves on the steps t with t % 4 == 0 only, all invaders alike: one cell in its
   * direction, or one row down (turning around) when an invader would leave the screen.
   */
  @Test
  void theFormationMarchesEveryFourthStepAndTurnsAtTheEdges() {
    Map<String, Integer> seen = new TreeMap<>();
    int[] direction = {1};
    Records.pairs(RECORDS, (now, next) -> {
      if (now.t() == 0) {
        direction[0] = 1;
      }
      boolean beat = now.t() % 4 == 0;
      List<ObjectState> invaders = Records.all(now, "Invader");
      boolean edge = invaders.stream().anyMatch(e -> e.x() + direction[0] < 0 || e.x() + direction[0] > 11);
      int dx = beat && !edge ? direction[0] : 0;
      int dy = beat && edge ? 1 : 0;
      for (ObjectState e : invaders) {
        ObjectState e2 = Records.byId(next, e.id());
        if (e2 != null) {
          assertEquals(List.of(e.x() + dx, e.y() + dy), List.of(e2.x(), e2.y()), "invader " + e.id() + " at " + now.t());
        }
      }
      if (beat) {
        count(seen, edge ? "down" : "sideways");
      }
      if (dy == 1) {
        direction[0] = -direction[0];
      }
    });
    assertTrue(seen.getOrDefault("down", 0) >= 20 && seen.getOrDefault("sideways", 0) >= 100, seen.toString());
  }

  /** Over many episodes, a bomb is dropped in 3 steps of 10, below an invader at the front of its column. */
  @Test
  void bombsAreDroppedAtRandomAtTheDocumentedRate() {
    int steps = 0;
    int dropped = 0;
    for (long seed = 100; seed < 130; seed++) {
      List<StepRecord> rs = RecorderTest.record("invaders", seed, 1.0, 200);
      for (int i = 1; i < rs.size(); i++) {
        StepRecord now = rs.get(i - 1);
        StepRecord next = rs.get(i);
        if (now.episode() != next.episode()) {
          continue;
        }
        List<ObjectState> invaders = Records.all(now, "Invader");
        List<ObjectState> newBombs = next.objects().stream()
            .filter(o -> o.type().equals("Bomb") && Records.byId(now, o.id()) == null).toList();
        assertTrue(newBombs.size() <= 1, "one bomb per step at most");
        steps++;
        for (ObjectState b : newBombs) {
          dropped++;
          boolean belowFront = invaders.stream().anyMatch(e -> e.x() == b.x() && e.y() + 1 == b.y()
              && invaders.stream().noneMatch(o -> o.x() == e.x() && o.y() > e.y()));
          assertTrue(belowFront, "bomb " + b.id() + " below a front invader at " + now.t());
        }
      }
    }
    assertTrue(steps > 3000, "steps " + steps);
    assertEquals(0.3, (double) dropped / steps, 4 * Math.sqrt(0.21 / steps), dropped + " of " + steps);
  }

  @Test
  void episodesEndWhenTheInvadersLandOrAreAllShot() {
    for (int i = 0; i < RECORDS.size(); i++) {
      StepRecord r = RECORDS.get(i);
      List<ObjectState> invaders = Records.all(r, "Invader");
      boolean over = first(r, "Cannon") == null || invaders.isEmpty() || invaders.stream().anyMatch(e -> e.y() >= 10)
          || r.t() == 300;
      boolean cut = i == RECORDS.size() - 1;
      if (!cut) {
        assertEquals(over, r.done(), "record " + i + " t " + r.t());
      }
    }
  }

  private static void count(Map<String, Integer> seen, String what) {
    seen.merge(what, 1, Integer::sum);
  }
}
