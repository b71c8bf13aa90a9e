package dev.nomos.worlds;

import static dev.nomos.worlds.Records.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Checks docs/worlds.md's crossing rules on every transition of long mixed recordings. */
class CrossingRulesTest {
  /** Row, direction and period of each lane, as docs/worlds.md gives them. */
  private static final Map<Integer, int[]> LANES = Map.of(
      1, new int[] {-1, 1},
      2, new int[] {1, 3},
      3, new int[] {-1, 2},
      6, new int[] {1, 2},
      7, new int[] {-1, 3});
  private static final List<StepRecord> RECORDS = RecorderTest.record("crossing", 3, 0.5, 4000);

  private static boolean overlap(ObjectState a, ObjectState b) {
    return a.x() == b.x() && a.y() == b.y();
  }

  private static int entry(int row) {
    return LANES.get(row)[0] > 0 ? 0 : 9;
  }

  /** A new car may appear while the lane's entry cell and the cell after it hold no car. */
  private static boolean entryFree(StepRecord r, int row) {
    int e = entry(row);
    int next = e + LANES.get(row)[0];
    return Records.all(r, "Car").stream().noneMatch(c -> c.y() == row && (c.x() == e || c.x() == next));
  }

  @Test
  void thePlayerWalksAndIsSentBackWhenHitOrAcross() {
    Map<String, Integer> seen = new TreeMap<>();
    Records.pairs(RECORDS, (now, next) -> {
      ObjectState p = first(now, "Player");
      ObjectState p2 = first(next, "Player");
      assertNotNull(p2, "the player never leaves");
      boolean hit = now.objects().stream().anyMatch(o -> !o.type().equals("Player") && overlap(p, o));
      if (hit || p.y() == 0) {
        assertEquals(List.of(5, 8), List.of(p2.x(), p2.y()), "sent back to the start at " + now.t());
        assertEquals(hit ? -1.0 : 1.0, now.reward());
        count(seen, hit ? "hit" : "across");
      } else {
        int dx = now.action().equals("LEFT") ? -1 : now.action().equals("RIGHT") ? 1 : 0;
        int dy = now.action().equals("UP") ? -1 : now.action().equals("DOWN") ? 1 : 0;
        assertEquals(List.of(clamp(p.x() + dx, 9), clamp(p.y() + dy, 8)), List.of(p2.x(), p2.y()));
        assertEquals(0.0, now.reward());
      }
    });
    assertTrue(seen.getOrDefault("hit", 0) >= 20 && seen.getOrDefault("across", 0) >= 20, seen.toString());
  }

  @Test
  void carsMoveOnTheirLanesPeriodAndLeaveAtTheExit() {
    Map<String, Integer> seen = new TreeMap<>();
    Records.pairs(RECORDS, (now, next) -> {
      for (ObjectState c : Records.all(now, "Car")) {
        int[] lane = LANES.get(c.y());
        assertNotNull(lane, "a car on row " + c.y());
        boolean moves = now.t() % lane[1] == 0;
        ObjectState c2 = Records.byId(next, c.id());
        int exit = lane[0] > 0 ? 9 : 0;
        if (moves && c.x() == exit) {
          assertEquals(null, c2, "a car at the exit leaves when its lane moves");
          count(seen, "left");
        } else {
          assertNotNull(c2, "car " + c.id() + " at " + now.t());
          assertEquals(List.of(c.x() + (moves ? lane[0] : 0), c.y()), List.of(c2.x(), c2.y()), "car " + c.id() + " at " + now.t());
        }
      }
    });
    assertTrue(seen.getOrDefault("left", 0) >= 50, seen.toString());
  }

  /** Read off the RECORDS alone: the steps between a car's consecutive moves are its lane's period. */
  @Test
  void eachCarMovesEveryKthStep() {
    Map<Integer, Integer> lastMove = new HashMap<>();
    Map<Integer, Integer> gaps = new TreeMap<>();
    Records.pairs(RECORDS, (now, next) -> {
      if (now.t() == 0) {
        lastMove.clear();
      }
      for (ObjectState c : Records.all(now, "Car")) {
        ObjectState c2 = Records.byId(next, c.id());
        if (c2 != null && c2.x() != c.x()) {
          Integer last = lastMove.put(c.id(), now.t());
          if (last != null) {
            assertEquals(LANES.get(c.y())[1], now.t() - last, "car " + c.id() + " on row " + c.y());
            gaps.merge(now.t() - last, 1, Integer::sum);
          }
        }
      }
    });
    assertEquals(List.of(1, 2, 3), List.copyOf(gaps.keySet()), "every period occurs");
  }

  @Test
  void newCarsAppearOnlyAtAFreeEntryWithNewIds() {
    Records.pairs(RECORDS, (now, next) -> {
      int maxId = now.objects().stream().mapToInt(ObjectState::id).max().orElseThrow();
      for (ObjectState o : next.objects()) {
        if (Records.byId(now, o.id()) == null) {
          assertEquals("Car", o.type());
          assertTrue(o.id() > maxId, "a new id");
          assertTrue(LANES.containsKey(o.y()), "on a lane");
          assertEquals(entry(o.y()), o.x(), "at the lane's entry");
          assertTrue(entryFree(now, o.y()), "only while the entry is free at " + now.t());
        }
      }
    });
  }

  /** Over many episodes, a free entry gets a new car 1 time in 5 (within 4 standard deviations). */
  @Test
  void carsAppearAtTheDocumentedRate() {
    int eligible = 0;
    int created = 0;
    for (long seed = 100; seed < 120; seed++) {
      List<StepRecord> rs = RecorderTest.record("crossing", seed, 1.0, 200);
      for (int i = 1; i < rs.size(); i++) {
        StepRecord now = rs.get(i - 1);
        StepRecord next = rs.get(i);
        if (now.episode() != next.episode()) {
          continue;
        }
        for (int row : LANES.keySet()) {
          if (entryFree(now, row)) {
            eligible++;
            int x = entry(row);
            if (next.objects().stream().anyMatch(o -> Records.byId(now, o.id()) == null && o.y() == row && o.x() == x)) {
              created++;
            }
          }
        }
      }
    }
    double rate = (double) created / eligible;
    double tolerance = 4 * Math.sqrt(0.2 * 0.8 / eligible);
    assertTrue(eligible > 5000, "eligible " + eligible);
    assertEquals(0.2, rate, tolerance, created + " of " + eligible);
  }

  /** The animal stays, or steps one cell along one axis, within the verge (rows 4 and 5). */
  @Test
  void theAnimalTakesRandomStepsAlongOneAxis() {
    int[] outcomes = new int[5];
    int inner = 0;
    for (int i = 1; i < RECORDS.size(); i++) {
      StepRecord now = RECORDS.get(i - 1);
      StepRecord next = RECORDS.get(i);
      if (now.episode() != next.episode()) {
        continue;
      }
      ObjectState a = first(now, "Animal");
      ObjectState a2 = first(next, "Animal");
      int dx = a2.x() - a.x();
      int dy = a2.y() - a.y();
      assertTrue(Math.abs(dx) + Math.abs(dy) <= 1, "one cell along one axis at most");
      assertTrue(a2.y() == 4 || a2.y() == 5, "within the verge");
      if (a.x() > 0 && a.x() < 9) {
        inner++;
        outcomes[dx == 0 && dy == 0 ? 0 : dx == -1 ? 1 : dx == 1 ? 2 : 3]++;
      }
    }
    // Away from the ends: left and right 1 in 5 each; up or down 1 in 5 (the other is off the verge).
    for (int o = 1; o <= 3; o++) {
      assertEquals(0.2, (double) outcomes[o] / inner, 4 * Math.sqrt(0.16 / inner), "outcome " + o + " " + List.of(outcomes));
    }
  }

  private static int clamp(int v, int hi) {
    return Math.max(0, Math.min(hi, v));
  }

  private static void count(Map<String, Integer> seen, String what) {
    seen.merge(what, 1, Integer::sum);
  }
}
