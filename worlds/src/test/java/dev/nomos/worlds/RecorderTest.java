package dev.nomos.worlds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.trajectory.StepRecord;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RecorderTest {

  static List<String> worlds() {
    return Worlds.names();
  }

  @ParameterizedTest
  @MethodSource("worlds")
  void sameSeedGivesSameRecords(String name) {
    List<StepRecord> a = record(name, 11, 0.3, 400);
    List<StepRecord> b = record(name, 11, 0.3, 400);
    assertEquals(a, b);
  }

  @ParameterizedTest
  @MethodSource("worlds")
  void differentSeedsGiveDifferentRecords(String name) {
    assertNotEquals(record(name, 11, 0.3, 400), record(name, 12, 0.3, 400));
  }

  @ParameterizedTest
  @MethodSource("worlds")
  void recordsFollowTheTrajectoryFormat(String name) {
    List<StepRecord> records = record(name, 5, 1.0, 700);
    int transitions = 0;
    for (int i = 0; i < records.size(); i++) {
      StepRecord r = records.get(i);
      boolean last = i == records.size() - 1 || records.get(i + 1).episode() != r.episode();
      assertEquals(last, r.done(), "done only on an episode's final record, record " + i);
      assertEquals(last, r.action() == null, "no action only on an episode's final record, record " + i);
      if (i > 0) {
        StepRecord p = records.get(i - 1);
        if (p.episode() == r.episode()) {
          assertEquals(p.t() + 1, r.t());
        } else {
          assertEquals(p.episode() + 1, r.episode());
          assertEquals(0, r.t());
        }
      }
      if (!last) {
        transitions++;
      }
      List<Integer> ids = r.objects().stream().map(o -> o.id()).toList();
      assertEquals(ids.stream().sorted().distinct().toList(), ids, "objects in id order, ids unique");
    }
    assertEquals(700, transitions);
  }

  @Test
  void aScriptThatEndsStopsTheRecordingWithAFinalRecord() {
    World pong = Worlds.create("pong");
    List<StepRecord> records = Recorder.record(pong, Policies.scripted(List.of("UP", "DOWN", "UP"), false), 100, 1, 0);
    assertEquals(4, records.size());
    assertEquals(List.of("UP", "DOWN", "UP"), records.subList(0, 3).stream().map(StepRecord::action).toList());
    assertNull(records.get(3).action());
    assertTrue(records.get(3).done());
  }

  @Test
  void aCycledScriptRepeats() {
    World pong = Worlds.create("pong");
    List<StepRecord> records = Recorder.record(pong, Policies.scripted(List.of("UP", "NOOP"), true), 5, 1, 0);
    assertEquals(List.of("UP", "NOOP", "UP", "NOOP", "UP"), records.subList(0, 5).stream().map(StepRecord::action).toList());
  }

  @Test
  void aFixedLevelIsPlayedEveryEpisode() {
    World sokoban = Worlds.create("sokoban");
    List<StepRecord> records = Recorder.record(sokoban, Policies.goal(sokoban, 3, 0), 200, 3, 2);
    assertTrue(records.get(records.size() - 1).episode() >= 2, "the goal policy solves level 2 repeatedly");
    StepRecord start = records.get(0);
    records.stream().filter(r -> r.t() == 0).forEach(r -> assertEquals(start.objects(), r.objects()));
  }

  @Test
  void rejectsBadArguments() {
    World pong = Worlds.create("pong");
    assertThrows(IllegalArgumentException.class, () -> Recorder.record(pong, Policies.random(1), 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> Recorder.record(pong, Policies.random(1), 10, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Recorder.record(pong, Policies.scripted(List.of("JUMP"), true), 10, 1, 0));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Worlds.create("tetris"));
    assertTrue(unknown.getMessage().contains("pong"), unknown.getMessage());
  }

  @Test
  void aWorldMustBeResetBeforeItSteps() {
    World w = Worlds.create("keydoor");
    assertThrows(IllegalStateException.class, () -> w.step("LEFT"));
    w.reset(1, 0);
    assertFalse(w.done());
    assertNotNull(w.objects());
  }

  static List<StepRecord> record(String name, long seed, double epsilon, int steps) {
    World world = Worlds.create(name);
    return Recorder.record(world, Policies.goal(world, seed + 1, epsilon), steps, seed, Recorder.ANY_LEVEL);
  }
}
