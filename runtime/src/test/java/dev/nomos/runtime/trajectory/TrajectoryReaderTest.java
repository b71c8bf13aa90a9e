package dev.nomos.runtime.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrajectoryReaderTest {
  private static final Path FILE = Path.of("d.jsonl");
  private static final String GOOD =
      "{\"episode\": 0, \"t\": 0, \"action\": \"UP\", \"reward\": 0.0, \"done\": false, \"objects\": []}";

  static List<StepRecord> read(String text) throws IOException {
    try (TrajectoryReader r = TrajectoryReader.of(new StringReader(text), FILE)) {
      List<StepRecord> out = new ArrayList<>();
      for (StepRecord s; (s = r.read()) != null; ) {
        out.add(s);
      }
      return out;
    }
  }

  static TrajectoryFormatException failure(String text) {
    return assertThrows(TrajectoryFormatException.class, () -> read(text));
  }

  @Test
  void readsAFullRecordWithDefaultsAndExtras() throws IOException {
    List<StepRecord> rs = read("{\"t\": 0, \"action\": \"UP\", \"objects\": ["
        + "{\"id\": 3, \"type\": \"Ball\", \"x\": 78, \"y\": -2, \"lives\": 3, \"on\": true, \"dir\": \"UP\"}]}\n"
        + "\n"
        + "{\"t\": 1, \"action\": null, \"reward\": 1, \"done\": true, \"objects\": []}\n");
    assertEquals(2, rs.size());
    StepRecord r = rs.get(0);
    assertEquals(0, r.episode());
    assertEquals("UP", r.action());
    assertEquals(0.0, r.reward());
    assertFalse(r.done());
    ObjectState o = r.objects().get(0);
    assertEquals(3, o.id());
    assertEquals(78, o.x());
    assertEquals(-2, o.y());
    assertEquals(1, o.w());
    assertEquals(1, o.h());
    assertEquals(Map.of("lives", 3, "on", true, "dir", "UP"), o.attributes());
    assertEquals(List.of("lives", "on", "dir"), new ArrayList<>(o.attributes().keySet()));
    assertNull(rs.get(1).action());
    assertTrue(rs.get(1).done());
    assertEquals(1.0, rs.get(1).reward());
  }

  @Test
  void missingEpisodeContinuesOrFollowsDone() throws IOException {
    List<StepRecord> rs = read("{\"t\": 0, \"objects\": []}\n{\"t\": 1, \"done\": true, \"objects\": []}\n"
        + "{\"t\": 0, \"objects\": []}\n");
    assertEquals(List.of(0, 0, 1), rs.stream().map(StepRecord::episode).toList());
  }

  @Test
  void reportsLineNumbersCountingBlankLines() {
    TrajectoryFormatException e = failure(GOOD + "\n\n{\"t\": 1, \"objects\": [{\"type\": \"A\", \"x\": \"abc\", \"y\": 0}]}\n");
    assertEquals(3, e.line());
    assertEquals("objects[0].x", e.field());
    assertEquals("d.jsonl:3: field 'objects[0].x': expected an integer, got \"abc\"", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed JSON            | {"t": 0, "objects": [}                                              | -                | malformed JSON
      truncated record          | {"t": 0, "objects": []                                              | -                | malformed JSON
      not an object             | [1, 2]                                                              | -                | expected a JSON object, got an array
      trailing content          | {"t": 0, "objects": []} {"t": 1}                                    | -                | unexpected content
      duplicate key             | {"t": 0, "t": 1, "objects": []}                                     | -                | Duplicate field 't'
      unknown record field      | {"t": 0, "objects": [], "lives": 3}                                 | lives            | unknown field
      missing t                 | {"objects": []}                                                     | t                | missing
      string t                  | {"t": "0", "objects": []}                                           | t                | expected an integer, got "0"
      negative t                | {"t": -1, "objects": []}                                            | t                | expected a non-negative integer, got -1
      float episode             | {"episode": 0.5, "t": 0, "objects": []}                             | episode          | expected an integer, got 0.5
      missing objects           | {"t": 0}                                                            | objects          | missing
      objects not array         | {"t": 0, "objects": {}}                                             | objects          | expected an array of objects, got an object
      object not object         | {"t": 0, "objects": [3]}                                            | objects[0]       | expected an object, got 3
      action number             | {"t": 0, "action": 2, "objects": []}                                | action           | expected a string or null, got 2
      reward string             | {"t": 0, "reward": "1", "objects": []}                              | reward           | expected a number, got "1"
      done number               | {"t": 0, "done": 1, "objects": []}                                  | done             | expected true or false, got 1
      missing type              | {"t": 0, "objects": [{"x": 1, "y": 2}]}                             | objects[0].type  | missing
      empty type                | {"t": 0, "objects": [{"type": "", "x": 1, "y": 2}]}                 | objects[0].type  | expected a non-empty string
      type number               | {"t": 0, "objects": [{"type": 7, "x": 1, "y": 2}]}                  | objects[0].type  | expected a non-empty string, got 7
      missing x                 | {"t": 0, "objects": [{"type": "A", "y": 2}]}                        | objects[0].x     | missing
      missing y                 | {"t": 0, "objects": [{"type": "A", "x": 2}]}                        | objects[0].y     | missing
      float x                   | {"t": 0, "objects": [{"type": "A", "x": 1.5, "y": 2}]}              | objects[0].x     | expected an integer, got 1.5
      string x                  | {"t": 0, "objects": [{"type": "A", "x": "abc", "y": 2}]}            | objects[0].x     | expected an integer, got "abc"
      null y                    | {"t": 0, "objects": [{"type": "A", "x": 1, "y": null}]}             | objects[0].y     | expected an integer, got null
      huge x                    | {"t": 0, "objects": [{"type": "A", "x": 99999999999, "y": 2}]}      | objects[0].x     | out of range
      negative w                | {"t": 0, "objects": [{"type": "A", "x": 1, "y": 2, "w": -3}]}       | objects[0].w     | non-negative
      string id                 | {"t": 0, "objects": [{"id": "a", "type": "A", "x": 1, "y": 2}]}     | objects[0].id    | expected an integer
      extra float               | {"t": 0, "objects": [{"type": "A", "x": 1, "y": 2, "hp": 0.5}]}     | objects[0].hp    | expected an integer, a boolean or a string, got 0.5
      extra null                | {"t": 0, "objects": [{"type": "A", "x": 1, "y": 2, "hp": null}]}    | objects[0].hp    | got null
      extra array               | {"t": 0, "objects": [{"type": "A", "x": 1, "y": 2, "hp": [1]}]}     | objects[0].hp    | got an array
      extra object              | {"t": 0, "objects": [{"type": "A", "x": 1, "y": 2, "hp": {}}]}      | objects[0].hp    | got an object
      duplicate ids             | {"t": 0, "objects": [{"id": 4, "type": "A", "x": 1, "y": 2}, {"id": 4, "type": "B", "x": 1, "y": 2}]} | objects[1].id | duplicate id 4 (objects[0] has it too)
      ids on some objects only  | {"t": 0, "objects": [{"id": 4, "type": "A", "x": 1, "y": 2}, {"type": "B", "x": 1, "y": 2}]} | objects[1].id | to all of its objects or to none
      ids on later objects only | {"t": 0, "objects": [{"type": "A", "x": 1, "y": 2}, {"id": 4, "type": "B", "x": 1, "y": 2}]} | objects[1].id | to all of its objects or to none
      """)
  void rejectsBadRecord(String name, String record, String field, String problem) {
    TrajectoryFormatException e = failure(GOOD + "\n" + record.replace("\"t\": 0", "\"t\": 1") + "\n");
    assertEquals(2, e.line(), e.getMessage());
    assertEquals("-".equals(field) ? null : field, e.field(), e.getMessage());
    assertTrue(e.problem().contains(problem), e.getMessage());
    assertTrue(e.getMessage().startsWith("d.jsonl:2: "), e.getMessage());
  }

  @Test
  void rejectsTThatDoesNotAdvanceByOne() {
    TrajectoryFormatException e = failure(GOOD + "\n{\"episode\": 0, \"t\": 0, \"objects\": []}\n");
    assertEquals("t", e.field());
    assertEquals("d.jsonl:2: field 't': expected 1 (one more than the previous record of episode 0), got 0",
        e.getMessage());
    assertEquals("t", failure(GOOD + "\n{\"episode\": 0, \"t\": 2, \"objects\": []}\n").field());
  }

  @Test
  void rejectsEpisodesGoingBackOrContinuingAfterDone() {
    TrajectoryFormatException back = failure(GOOD.replace("\"episode\": 0", "\"episode\": 2")
        + "\n{\"episode\": 1, \"t\": 0, \"objects\": []}\n");
    assertEquals("episode", back.field());
    assertTrue(back.problem().contains("must not go back"));
    TrajectoryFormatException afterDone = failure(GOOD.replace("false", "true")
        + "\n{\"episode\": 0, \"t\": 1, \"objects\": []}\n");
    assertEquals("episode", afterDone.field());
    assertTrue(afterDone.problem().contains("already ended"));
  }

  @Test
  void newEpisodeMayRestartT() throws IOException {
    List<StepRecord> rs = read(GOOD + "\n{\"episode\": 1, \"t\": 0, \"objects\": []}\n");
    assertEquals(1, rs.get(1).episode());
  }

  @Test
  void toleratesAByteOrderMarkAndWindowsLineEnds() throws IOException {
    List<StepRecord> rs = read("\uFEFF" + GOOD + "\r\n{\"t\": 1, \"objects\": []}\r\n");
    assertEquals(2, rs.size());
    assertEquals("UP", rs.get(0).action());
    // Only at the very start: elsewhere it is a malformed record.
    assertEquals(2, failure(GOOD + "\n\uFEFF{\"t\": 1, \"objects\": []}\n").line());
  }
}
