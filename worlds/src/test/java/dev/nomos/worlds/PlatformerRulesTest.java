package dev.nomos.worlds;

import static dev.nomos.worlds.Records.byId;
import static dev.nomos.worlds.Records.first;
import static dev.nomos.worlds.Records.touching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformerRulesTest {

  @Test
  void aJumpRisesAndFallsUnderGravityAndLands() {
    World w = Worlds.create("platformer");
    List<String> script = new ArrayList<>(List.of("JUMP"));
    script.addAll(Collections.nCopies(24, "NOOP"));
    List<StepRecord> records = Recorder.record(w, Policies.scripted(script, false), 25, 1, 0);
    List<Integer> vy = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      vy.add(first(records.get(i), "Player").y() - first(records.get(i - 1), "Player").y());
    }
    assertEquals(List.of(-9, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 0, 0, 0, 0, 0), vy);
  }

  @Test
  void everyTransitionFollowsGravityLandingCoinsAndLava() {
    List<StepRecord> records = RecorderTest.record("platformer", 5, 0.3, 3000);
    int[] events = new int[4];
    Records.triples(records, (p, now, next) -> {
      ObjectState before = first(p, "Player");
      ObjectState pl = first(now, "Player");
      if (before == null || pl == null) {
        return;
      }
      if (touching(pl, first(now, "Hazard"))) {
        assertNull(first(next, "Player"), "lava destroys the player");
        events[3]++;
        return;
      }
      for (ObjectState coin : Records.all(now, "Coin")) {
        assertEquals(touching(pl, coin), byId(next, coin.id()) == null, "coin " + coin.id());
      }
      ObjectState pl2 = first(next, "Player");
      List<ObjectState> platforms = Records.all(now, "Platform");
      boolean standing = platforms.stream().anyMatch(q -> pl.y() + pl.h() == q.y() && overlapsX(pl, q));
      int vy = pl.y() - before.y();
      int want = standing ? (now.action().startsWith("JUMP") ? -9 : 0) : Math.min(vy + 1, 6);
      int y = pl.y() + want;
      if (want > 0) {
        for (ObjectState q : platforms) {
          if (overlapsX(pl, q) && pl.y() + pl.h() <= q.y() && pl.y() + pl.h() + want >= q.y()) {
            y = Math.min(y, q.y() - pl.h());
          }
        }
      }
      assertEquals(y, pl2.y(), "player y at t=" + next.t());
      int vx = now.action().endsWith("LEFT") ? -2 : now.action().endsWith("RIGHT") ? 2 : 0;
      assertEquals(Math.max(0, Math.min(152, pl.x() + vx)), pl2.x());
      if (want < 0) {
        events[0]++;
      }
      if (y != pl.y() + want) {
        events[1]++;
      }
      if (!standing && want > 0 && y == pl.y() + want) {
        events[2]++;
      }
    });
    assertTrue(events[0] > 10 && events[1] > 10 && events[2] > 50 && events[3] > 0,
        "jumps, landings, falls, deaths: " + java.util.Arrays.toString(events));
  }

  private static boolean overlapsX(ObjectState a, ObjectState b) {
    return a.x() < b.x() + b.w() && b.x() < a.x() + a.w();
  }
}
