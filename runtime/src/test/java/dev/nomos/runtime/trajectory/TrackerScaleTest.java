package dev.nomos.runtime.trajectory;

import static dev.nomos.runtime.trajectory.TrackerTest.ids;
import static dev.nomos.runtime.trajectory.TrackerTest.o;
import static dev.nomos.runtime.trajectory.TrackerTest.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tracker on records of tens of thousands of objects without ids. */
class TrackerScaleTest {
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void spreadOutObjectsMatchInLinearTimeAndKeepTheirIds() {
    List<ObjectState> first = new ArrayList<>();
    List<ObjectState> moved = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      first.add(o("Ball", (i % 200) * 10, (i / 200) * 10));
      moved.add(o("Ball", (i % 200) * 10 + 1, (i / 200) * 10 - 1));
    }
    Tracker tr = new Tracker(-2, 2);
    List<Integer> before = ids(tr.track(rec(0, 0, first.toArray(ObjectState[]::new))));
    assertEquals(before, ids(tr.track(rec(0, 1, moved.toArray(ObjectState[]::new)))));
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void crowdedObjectsAreRefusedAtTheCapInsteadOfExhaustingMemory() {
    ObjectState[] crowd = new ObjectState[20_000];
    for (int i = 0; i < crowd.length; i++) {
      crowd[i] = o("Ball", 5, 5);
    }
    Tracker tr = new Tracker(-2, 2);
    tr.track(rec(0, 0, crowd));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tr.track(rec(0, 1, crowd)));
    assertTrue(e.getMessage().contains("tracker limit") && e.getMessage().contains("give the objects ids"),
        e.getMessage());
  }

  @Test
  void aFewCrowdedObjectsStillMatchNearestFirst() {
    Tracker tr = new Tracker(-2, 2);
    tr.track(rec(0, 0, o("Ball", 5, 5), o("Ball", 5, 5), o("Wall", 5, 5)));
    assertEquals(List.of(3, 1, 2), ids(tr.track(rec(0, 1, o("Wall", 5, 5), o("Ball", 6, 5), o("Ball", 4, 5)))));
  }
}
