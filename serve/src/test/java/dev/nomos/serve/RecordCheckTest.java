package dev.nomos.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nomos.runtime.trajectory.TrajectoryFormatException;
import dev.nomos.runtime.trajectory.TrajectoryReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request's records are checked as the trajectory reader checks a file's lines: for each bad
 * record (or pair of records), the service's error names the same field with the same words as the
 * reader's, under the request's field.
 */
class RecordCheckTest {
  private static ModelService service;

  @BeforeAll
  static void load() {
    service = new ModelService(Pong.model());
  }

  private static final String BALL = "{\"id\": 3, \"type\": \"Ball\", \"x\": 80, \"y\": 100}";

  /** Bad frames, each a record alone, as the trajectory reader would meet them on line 1 of a file. */
  private static final List<String> BAD_FRAMES = List.of(
      "{\"t\": 0, \"objects\": [" + BALL + "], \"colour\": 1}",
      "{\"t\": -1, \"objects\": [" + BALL + "]}",
      "{\"t\": 0, \"episode\": 2.5, \"objects\": [" + BALL + "]}",
      "{\"t\": 0, \"action\": 3, \"objects\": [" + BALL + "]}",
      "{\"t\": 0, \"reward\": \"much\", \"objects\": [" + BALL + "]}",
      "{\"t\": 0, \"done\": 1, \"objects\": [" + BALL + "]}",
      "{\"t\": 0, \"done\": false, \"truncated\": true, \"objects\": [" + BALL + "]}",
      "{\"t\": 0, \"prediction\": 1, \"objects\": [" + BALL + "]}",
      "{\"t\": 0}",
      "{\"t\": 0, \"objects\": {}}",
      "{\"t\": 0, \"objects\": [7]}",
      "{\"t\": 0, \"objects\": [{\"id\": 3, \"x\": 1, \"y\": 2}]}",
      "{\"t\": 0, \"objects\": [{\"id\": 3, \"type\": \"\", \"x\": 1, \"y\": 2}]}",
      "{\"t\": 0, \"objects\": [{\"id\": 3, \"type\": \"Ball\", \"y\": 2}]}",
      "{\"t\": 0, \"objects\": [{\"id\": 3, \"type\": \"Ball\", \"x\": 1}]}",
      "{\"t\": 0, \"objects\": [{\"id\": 3, \"type\": \"Ball\", \"x\": 4000000000, \"y\": 2}]}",
      "{\"t\": 0, \"objects\": [{\"id\": 3, \"type\": \"Ball\", \"x\": 1, \"y\": 2, \"w\": -2}]}",
      "{\"t\": 0, \"objects\": [{\"id\": 3, \"type\": \"Ball\", \"x\": 1, \"y\": 2, \"hp\": [1]}]}",
      "{\"t\": 0, \"objects\": [" + BALL + ", " + BALL + "]}",
      "{\"t\": 0, \"objects\": [" + BALL + ", {\"type\": \"Ball\", \"x\": 1, \"y\": 2}]}",
      "{\"t\": 0, \"objects\": [{\"type\": \"Ball\", \"x\": 1, \"y\": 2}, " + BALL + "]}");

  /** The reader's complaint about {@code lines} as a file: {field, problem}. */
  private static String[] readerSays(String... lines) {
    TrajectoryFormatException e = assertThrows(TrajectoryFormatException.class, () -> {
      try (TrajectoryReader reader = TrajectoryReader.of(new StringReader(String.join("\n", lines) + "\n"), null)) {
        for (int k = 0; k < lines.length; k++) {
          reader.read();
        }
      } catch (IOException io) {
        throw new AssertionError(io);
      }
    });
    return new String[] {e.field(), e.problem()};
  }

  private static RpcError serviceSays(JsonNode params) {
    return assertThrows(RpcError.class, () -> service.call("step", params));
  }

  @Test
  void aBadFrameIsRefusedAsTheReaderRefusesTheLine() {
    for (String frame : BAD_FRAMES) {
      String[] expected = readerSays(frame);
      ObjectNode params = (ObjectNode) Pong.json("{\"action\": \"UP\", \"frame\": " + frame + "}");
      RpcError e = serviceSays(params);
      assertEquals(RpcError.INVALID_PARAMS, e.code(), frame);
      assertEquals(expected[0] == null ? "params.frame" : "params.frame." + expected[0], e.field(), frame);
      assertEquals(e.field() + ": " + expected[1], e.getMessage(), frame);
    }
  }

  @Test
  void historyRecordsFollowEachOtherAsAFilesLinesDo() {
    List<String[]> pairs = List.of(
        new String[] {"{\"t\": 3, \"objects\": [" + BALL + "]}", "{\"t\": 5, \"objects\": [" + BALL + "]}"},
        new String[] {"{\"episode\": 2, \"t\": 3, \"objects\": [" + BALL + "]}", "{\"episode\": 1, \"t\": 4, \"objects\": [" + BALL + "]}"},
        new String[] {"{\"episode\": 1, \"t\": 3, \"done\": true, \"objects\": [" + BALL + "]}",
            "{\"episode\": 1, \"t\": 4, \"objects\": [" + BALL + "]}"});
    for (String[] pair : pairs) {
      String[] expected = readerSays(pair);
      RpcError e = serviceSays(Pong.json("{\"action\": \"UP\", \"history\": [" + pair[0] + "], \"frame\": " + pair[1] + "}"));
      assertEquals("params.frame." + expected[0], e.field(), pair[1]);
      assertEquals(e.field() + ": " + expected[1], e.getMessage(), pair[1]);
    }
  }
}
