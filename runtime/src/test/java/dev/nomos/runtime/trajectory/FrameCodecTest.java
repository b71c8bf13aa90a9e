package dev.nomos.runtime.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  static final Path FILE = Path.of("d.jsonl");
  static final List<String> COLORS = List.of("red", "green", "blue", "purple", "yellow", "grey");

  static final WorldSchema WORLD = new WorldSchema("W", 10, 10, -1, 1, List.of("NOOP", "UP"), List.of(
      new EntityType("Ball", 0, List.of()),
      new EntityType("Lamp", 1, List.of(AttributeSpec.ofInt("level", 0, 3), AttributeSpec.ofBool("on"),
          AttributeSpec.ofSymbols("color", List.of("red", "green"))))));

  static ObjectState lamp(Object level, Object on, Object color) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (level != null) m.put("level", level);
    if (on != null) m.put("on", on);
    if (color != null) m.put("color", color);
    return new ObjectState(2, "Lamp", 1, 2, 3, 4, m);
  }

  static TrajectoryFormatException bad(StepRecord r) {
    return assertThrows(TrajectoryFormatException.class, () -> new FrameCodec(WORLD).encode(r, null, FILE, 7));
  }

  static StepRecord rec(String action, ObjectState... objects) {
    return new StepRecord(0, 0, action, 0, false, List.of(objects));
  }

  @Test
  void encodesSlotsAndDecodesBack() {
    StepRecord r = rec("UP", ObjectState.of(1, "Ball", 5, 6, 1, 1), lamp(3, true, "green"));
    FrameCodec codec = new FrameCodec(WORLD);
    Frame f = codec.encode(r, null, FILE, 1);
    assertEquals(1, f.action());
    int lamp = f.indexOfId(2);
    assertEquals(3, f.get(lamp, Slots.FIRST_EXTRA));
    assertEquals(1, f.get(lamp, Slots.FIRST_EXTRA + 1));
    assertEquals(1, f.get(lamp, Slots.FIRST_EXTRA + 2));
    assertEquals(r, codec.decode(f, 0, 0, 0, false));
  }

  @Test
  void reportsWhatTheSchemaExpects() {
    assertEquals("d.jsonl:7: field 'action': unknown action \"LEFT\"; world W declares NOOP, UP",
        bad(rec("LEFT")).getMessage());
    assertEquals("d.jsonl:7: field 'objects[0].type': unknown type \"Paddle\"; world W declares Ball, Lamp",
        bad(rec(null, ObjectState.of(1, "Paddle", 0, 0, 1, 1))).getMessage());
    assertEquals("objects[0].level", bad(rec(null, lamp(null, true, "red"))).field());
    assertTrue(bad(rec(null, lamp(4, true, "red"))).problem().contains("expected an integer in 0..3, got 4"));
    assertTrue(bad(rec(null, lamp(1, 1, "red"))).problem().contains("expected true or false, got 1"));
    assertTrue(bad(rec(null, lamp(1, true, "blue"))).problem().contains("one of \"red\", \"green\", got \"blue\""));
    Map<String, Object> extra = new LinkedHashMap<>(Map.of("spin", 1));
    TrajectoryFormatException undeclared = bad(rec(null, new ObjectState(1, "Ball", 0, 0, 1, 1, extra)));
    assertEquals("objects[0].spin", undeclared.field());
    assertTrue(bad(rec(null, ObjectState.of(null, "Ball", 0, 0, 1, 1))).problem().contains("track"));
  }

  @Test
  void readsMiniGridEpisodesWithTrackedIds() throws IOException {
    Path file = Path.of(System.getProperty("nomos.datasets", "../../shared/datasets"),
        "MiniGrid-DoorKey-5x5-v0_seed1000_train.jsonl.gz");
    assumeTrue(Files.exists(file), "shared datasets not present");
    List<String> carriable = List.of("none", "key", "ball", "box");
    List<String> colors = new java.util.ArrayList<>(COLORS);
    colors.add("none");
    AttributeSpec color = AttributeSpec.ofSymbols("color", COLORS);
    WorldSchema grid = new WorldSchema("DoorKey", 5, 5, -1, 1,
        List.of("LEFT", "RIGHT", "FORWARD", "PICKUP", "DROP", "TOGGLE", "DONE"), List.of(
            new EntityType("agent", 0, List.of(AttributeSpec.ofInt("dir", 0, 3),
                AttributeSpec.ofSymbols("carrying", carriable), AttributeSpec.ofSymbols("carrying_color", colors))),
            new EntityType("door", 1, List.of(color, AttributeSpec.ofSymbols("state", List.of("open", "closed", "locked")))),
            new EntityType("goal", 2, List.of(color)),
            new EntityType("key", 3, List.of(color)),
            new EntityType("wall", 4, List.of(color))));
    List<Episode> episodes = Episodes.read(file, grid);
    assertEquals(4, episodes.size());
    assertEquals(1000, Episodes.transitions(episodes));
    // Walls never move, so tracking keeps every wall's id for the whole episode.
    Episode first = episodes.get(0);
    Frame a = first.frames().get(0);
    Frame b = first.frames().get(first.frames().size() - 1);
    for (int i : a.ofType(4)) {
      int j = b.indexOfId(a.id(i));
      assertTrue(j >= 0 && b.x(j) == a.x(i) && b.y(j) == a.y(i));
    }
  }
}
