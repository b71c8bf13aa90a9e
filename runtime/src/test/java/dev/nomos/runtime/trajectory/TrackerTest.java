package dev.nomos.runtime.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerTest {
  static StepRecord rec(int episode, int t, ObjectState... objects) {
    return new StepRecord(episode, t, "NOOP", 0, false, List.of(objects));
  }

  static ObjectState o(String type, int x, int y) {
    return ObjectState.of(null, type, x, y, 1, 1);
  }

  static List<Integer> ids(StepRecord r) {
    return r.objects().stream().map(ObjectState::id).toList();
  }

  @Test
  void numbersTheFirstRecordInFileOrderAndFollowsNearestOfSameType() {
    Tracker tr = new Tracker(-2, 2);
    assertEquals(List.of(1, 2, 3), ids(tr.track(rec(0, 0, o("Ball", 0, 0), o("Ball", 10, 0), o("Wall", 5, 5)))));
    // Listed in another order, each ball moved by one; the wall is still there.
    assertEquals(List.of(3, 2, 1), ids(tr.track(rec(0, 1, o("Wall", 5, 5), o("Ball", 9, 0), o("Ball", 1, 0)))));
  }

  @Test
  void greedyMatchingTakesTheClosestPairFirst() {
    Tracker tr = new Tracker(-3, 3);
    tr.track(rec(0, 0, o("A", 0, 0), o("A", 2, 0)));
    // The object at 2 is closest to old 2 (distance 0); the one at -1 then takes old 1 (distance 1).
    assertEquals(List.of(1, 2), ids(tr.track(rec(0, 1, o("A", -1, 0), o("A", 2, 0)))));
  }

  @Test
  void equalDistancesBreakTowardTheEarlierObjects() {
    Tracker tr = new Tracker(-3, 3);
    tr.track(rec(0, 0, o("A", 0, 0), o("A", 2, 0)));
    // The object at 1 is at distance 1 from both; old object 1 (earlier in file order) wins.
    assertEquals(List.of(1), ids(tr.track(rec(0, 1, o("A", 1, 0)))));
  }

  @Test
  void unmatchedObjectsGetFreshIdsAndTypesNeverMix() {
    Tracker tr = new Tracker(-1, 1);
    tr.track(rec(0, 0, o("A", 0, 0), o("B", 5, 5)));
    // A jumped beyond the velocity range: new id; the B-typed object at A's place is new too.
    assertEquals(List.of(3, 4, 2), ids(tr.track(rec(0, 1, o("A", 3, 0), o("B", 0, 0), o("B", 5, 4)))));
    assertEquals(List.of(3), ids(tr.track(rec(0, 2, o("A", 3, 1)))));
    assertEquals(List.of(5), ids(tr.track(rec(0, 3, o("A", 0, 0)))));
  }

  @Test
  void restartsPerEpisodeAndPassesRecordsWithIds() {
    Tracker tr = new Tracker(-1, 1);
    tr.track(rec(0, 0, o("A", 0, 0), o("A", 4, 0)));
    assertEquals(List.of(1), ids(tr.track(rec(1, 0, o("A", 4, 0)))));
    StepRecord withIds = rec(2, 0, ObjectState.of(40, "A", 0, 0, 1, 1));
    assertSame(withIds, tr.track(withIds));
    assertEquals(List.of(40, 41), ids(tr.track(rec(2, 1, o("A", 1, 0), o("A", 9, 9)))));
  }
}
