package dev.nomos.worlds;

import static dev.nomos.worlds.Records.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Checks docs/worlds.md's key-door rules on every transition of a long mixed recording. */
class KeyDoorRulesTest {
  private static final int[] DX = {1, 0, -1, 0};
  private static final int[] DY = {0, 1, 0, -1};
  private final List<StepRecord> records = RecorderTest.record("keydoor", 3, 0.5, 4000);

  private static boolean at(ObjectState o, int x, int y) {
    return o != null && x >= o.x() && x < o.x() + o.w() && y >= o.y() && y < o.y() + o.h();
  }

  @Test
  void everyTransitionFollowsTheRules() {
    Map<String, Integer> seen = new TreeMap<>();
    Records.pairs(records, (now, next) -> {
      ObjectState a = first(now, "Agent");
      ObjectState a2 = first(next, "Agent");
      int dir = (Integer) a.attributes().get("dir");
      boolean carrying = (Boolean) a.attributes().get("carrying");
      int fx = a.x() + DX[dir];
      int fy = a.y() + DY[dir];
      ObjectState key = first(now, "Key");
      ObjectState door = first(now, "Door");
      String state = (String) door.attributes().get("state");
      boolean wall = Records.all(now, "Wall").stream().anyMatch(w -> at(w, fx, fy));
      boolean keyAhead = at(key, fx, fy);
      boolean doorAhead = at(door, fx, fy);
      String doorNext = (String) first(next, "Door").attributes().get("state");
      ObjectState key2 = first(next, "Key");
      switch (now.action()) {
        case "LEFT", "RIGHT" -> {
          assertEquals((dir + (now.action().equals("LEFT") ? 3 : 1)) % 4, a2.attributes().get("dir"));
          assertEquals(List.of(a.x(), a.y()), List.of(a2.x(), a2.y()));
        }
        case "FORWARD" -> {
          boolean free = !wall && !keyAhead && (!doorAhead || state.equals("open"));
          assertEquals(free ? List.of(fx, fy) : List.of(a.x(), a.y()), List.of(a2.x(), a2.y()));
          count(seen, free ? "forward" : "blocked");
        }
        case "PICKUP" -> {
          boolean picks = keyAhead && !carrying;
          assertEquals(picks || carrying, a2.attributes().get("carrying"));
          if (picks) {
            assertNull(key2, "a picked-up key leaves the grid");
            count(seen, "pickup");
          } else {
            assertEquals(key, key2);
          }
        }
        case "DROP" -> {
          boolean empty = !wall && !doorAhead && !at(first(now, "Goal"), fx, fy) && key == null;
          if (carrying && empty) {
            assertNotNull(key2, "a dropped key appears");
            assertEquals(List.of(fx, fy), List.of(key2.x(), key2.y()));
            assertTrue(key2.id() > now.objects().stream().mapToInt(ObjectState::id).max().orElseThrow(), "with a new id");
            assertEquals(false, a2.attributes().get("carrying"));
            count(seen, "drop");
          } else {
            assertEquals(key, key2);
            assertEquals(carrying, a2.attributes().get("carrying"));
          }
        }
        case "TOGGLE" -> {
          String expected = !doorAhead ? state
              : state.equals("open") ? "closed"
              : state.equals("closed") || carrying ? "open" : "locked";
          assertEquals(expected, doorNext);
          if (doorAhead) {
            count(seen, "toggle " + state + (carrying ? " with key" : ""));
          }
        }
        default -> throw new AssertionError(now.action());
      }
    });
    for (String event : List.of("pickup", "drop", "toggle locked with key", "toggle locked", "toggle open", "blocked")) {
      assertTrue(seen.getOrDefault(event, 0) > 0, "saw " + event + ": " + seen);
    }
  }

  @Test
  void reachingTheGoalEndsTheEpisodeWithARewardThatShrinksWithTheSteps() {
    long wins = records.stream().filter(r -> r.reward() > 0).count();
    assertTrue(wins > 3, "wins: " + wins);
    for (int i = 0; i + 1 < records.size(); i++) {
      StepRecord now = records.get(i);
      if (now.reward() > 0) {
        // The goal sits in the room's bottom-right corner, so the room is goal.x + 2 cells wide.
        int size = first(now, "Goal").x() + 2;
        int steps = now.t() + 1;
        assertEquals(100 - 90 * steps / (10 * size * size), now.reward(), "reward at t=" + now.t());
        StepRecord last = records.get(i + 1);
        assertTrue(last.done());
        assertFalse(last.truncated(), "reaching the goal is a termination");
        ObjectState agent = first(last, "Agent");
        ObjectState goal = first(last, "Goal");
        assertEquals(List.of(goal.x(), goal.y()), List.of(agent.x(), agent.y()));
      }
    }
  }

  @Test
  void layoutsVaryWithTheSeed() {
    World w = Worlds.create("keydoor");
    w.reset(1, 2);
    List<ObjectState> a = w.objects();
    w.reset(2, 2);
    assertNotEquals(a, w.objects());
    w.reset(1, 2);
    assertEquals(a, w.objects());
  }

  private static void count(Map<String, Integer> seen, String event) {
    seen.merge(event, 1, Integer::sum);
  }
}
