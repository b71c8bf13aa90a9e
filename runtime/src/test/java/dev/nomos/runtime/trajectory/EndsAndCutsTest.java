package dev.nomos.runtime.trajectory;

import static dev.nomos.runtime.trajectory.TrajectoryReaderTest.failure;
import static dev.nomos.runtime.trajectory.TrajectoryReaderTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gymnasium's terminated and truncated in the trajectory format: a game's end is told from a cut. */
class EndsAndCutsTest {
  private static final String CUT = "{\"t\": 0, \"action\": \"UP\", \"reward\": 2, \"objects\": []}\n"
      + "{\"t\": 1, \"action\": null, \"done\": true, \"truncated\": true, \"objects\": []}\n";
  private static final String END = "{\"t\": 0, \"action\": \"UP\", \"objects\": []}\n"
      + "{\"t\": 1, \"action\": null, \"done\": true, \"objects\": []}\n";

  @Test
  void aTruncatedRecordEndsTheEpisodeWithoutTerminatingIt() throws IOException {
    List<StepRecord> cut = read(CUT);
    assertTrue(cut.get(1).done());
    assertTrue(cut.get(1).truncated());
    assertFalse(cut.get(1).terminated());
    List<StepRecord> end = read(END);
    assertFalse(end.get(1).truncated(), "a file without the field reads as a game that ended");
    assertTrue(end.get(1).terminated());
    assertFalse(end.get(0).terminated());
  }

  @Test
  void truncatedWithoutDoneIsRefusedWithItsLineAndField() {
    TrajectoryFormatException e = failure("{\"t\": 0, \"objects\": []}\n{\"t\": 1, \"truncated\": true, \"objects\": []}\n");
    assertEquals(2, e.line());
    assertEquals("truncated", e.field());
    assertTrue(e.problem().contains("set done: true too"), e.problem());
    assertEquals("truncated", failure("{\"t\": 0, \"done\": true, \"truncated\": 1, \"objects\": []}\n").field());
    assertThrows(IllegalArgumentException.class, () -> new StepRecord(0, 0, null, 0, false, true, List.of()));
  }

  @Test
  void theWriterMarksOnlyCutsAndReadsBack() throws IOException {
    StringWriter out = new StringWriter();
    try (TrajectoryWriter w = TrajectoryWriter.to(out)) {
      w.write(new StepRecord(0, 0, "UP", 1, false, List.of()));
      w.write(new StepRecord(0, 1, null, 0, true, true, List.of()));
      w.write(new StepRecord(1, 0, null, 0, true, List.of()), Map.of("reward", 3.0));
      w.commit();
    }
    String text = out.toString();
    String[] lines = text.split("\n");
    assertFalse(lines[0].contains("truncated"));
    assertTrue(lines[1].contains("\"done\":true,\"truncated\":true"), lines[1]);
    assertFalse(lines[2].contains("truncated"));
    assertTrue(lines[2].endsWith(",\"prediction\":{\"reward\":3.0}}"), lines[2]);
    List<StepRecord> back = read(text);
    assertEquals(List.of(false, true, false), back.stream().map(StepRecord::truncated).toList());
    assertEquals(1.0, back.get(0).reward());
  }

  @Test
  void framesCarryTheRecordedRewardAndTermination() throws IOException {
    WorldSchema schema = new WorldSchema("W", 4, 4, -1, 1, List.of("UP"), List.of(new EntityType("A", 0, List.of())));
    FrameCodec codec = new FrameCodec(schema);
    List<StepRecord> cut = read(CUT);
    Frame f0 = codec.encode(cut.get(0), null, null, 1);
    Frame f1 = codec.encode(cut.get(1), f0, null, 2);
    assertEquals(2.0, f0.reward());
    assertFalse(f1.terminated(), "a cut is not an end");
    List<StepRecord> end = read(END);
    Frame e0 = codec.encode(end.get(0), null, null, 1);
    Frame e1 = codec.encode(end.get(1), e0, null, 2);
    assertTrue(e1.terminated());
    assertTrue(e1.withAction(0).terminated(), "another action keeps what was recorded");
    assertEquals(e1.step(), e1.withAction(0).step());
  }
}
