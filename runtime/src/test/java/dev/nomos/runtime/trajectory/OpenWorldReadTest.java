package dev.nomos.runtime.trajectory;

import static dev.nomos.runtime.trajectory.FrameCodecTest.FILE;
import static dev.nomos.runtime.trajectory.FrameCodecTest.WORLD;
import static dev.nomos.runtime.trajectory.FrameCodecTest.lamp;
import static dev.nomos.runtime.trajectory.FrameCodecTest.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading data the world does not declare: kept or dropped with one warning each (open), or refused (strict). */
class OpenWorldReadTest {
  static final int LEVEL = Slots.FIRST_EXTRA;
  static final int COLOR = Slots.FIRST_EXTRA + 2;

  static FrameCodec open() {
    return new FrameCodec(WORLD, ReadMode.OPEN);
  }

  static ObjectState ball(int id, Map<String, Object> extras) {
    return new ObjectState(id, "Ball", 0, 0, 1, 1, extras);
  }

  @Test
  void anUndeclaredAttributeIsDroppedWithOneWarningPerTypeAndAttribute() {
    FrameCodec codec = open();
    for (int line = 1; line <= 3; line++) {
      // Two objects per record carry it: still one record each, and one warning in all.
      Frame f = codec.encode(rec(null, ball(1, Map.of("spin", line)), ball(3, Map.of("spin", 0))), null, FILE, line);
      assertEquals(Slots.FIRST_EXTRA, f.slots(f.indexOfId(1)).length, "nothing of spin is stored");
    }
    List<ReadWarning> warnings = codec.warnings();
    assertEquals(1, warnings.size());
    ReadWarning w = warnings.get(0);
    assertEquals(ReadWarning.Kind.UNDECLARED_ATTRIBUTE, w.kind());
    assertEquals("Ball", w.type());
    assertEquals("spin", w.name());
    assertEquals(3, w.records());
    assertEquals("d.jsonl:1: warning: type Ball has an attribute spin that world W does not declare; ignored (3 records)",
        w.message());
  }

  @Test
  void anIntOutsideItsRangeIsKeptAndNamedInTheWarning() {
    FrameCodec codec = open();
    Frame a = codec.encode(rec(null, lamp(7, true, "red")), null, FILE, 4);
    Frame b = codec.encode(rec(null, lamp(-2, true, "red")), a, FILE, 5);
    assertEquals(7, a.get(0, LEVEL));
    assertEquals(-2, b.get(0, LEVEL));
    ReadWarning w = codec.warnings().get(0);
    assertEquals(ReadWarning.Kind.VALUE_OUTSIDE_SUPPORT, w.kind());
    assertEquals(List.of("7", "-2"), w.values());
    assertEquals("d.jsonl:4: warning: attribute level of type Lamp takes 7, -2, outside its declared range 0..3;"
        + " scored as a value the model does not mention (2 records)", w.message());
    assertEquals(7, codec.decode(a, 0, 0, 0, false).objects().get(0).attributes().get("level"));
  }

  @Test
  void undeclaredSymbolsGetIndexesPastEveryDeclaredSetAndPrintBackByName() {
    WorldSchema world = new WorldSchema("W", 10, 10, -1, 1, List.of("NOOP"), List.of(
        new EntityType("Key", 0, List.of(AttributeSpec.ofSymbols("color", List.of("red", "green")))),
        new EntityType("Door", 1, List.of(AttributeSpec.ofSymbols("color", List.of("red", "green", "blue"))))));
    FrameCodec codec = new FrameCodec(world, ReadMode.OPEN);
    StepRecord r = rec(null, new ObjectState(1, "Key", 0, 0, 1, 1, Map.of("color", "grey")),
        new ObjectState(2, "Door", 0, 0, 1, 1, Map.of("color", "grey")),
        new ObjectState(3, "Key", 0, 0, 1, 1, Map.of("color", "pink")));
    Frame f = codec.encode(r, null, FILE, 1);
    int greyKey = f.get(f.indexOfId(1), Slots.FIRST_EXTRA);
    int greyDoor = f.get(f.indexOfId(2), Slots.FIRST_EXTRA);
    int pinkKey = f.get(f.indexOfId(3), Slots.FIRST_EXTRA);
    assertTrue(greyKey >= 3, "past the largest symbol set, so no declared symbol of any attribute shares it");
    assertEquals(greyKey, greyDoor, "one name, one index, whatever the attribute");
    assertNotEquals(greyKey, pinkKey);
    assertEquals(r, codec.decode(f, 0, 0, 0, false), "undeclared symbols print back by name");
    List<ReadWarning> warnings = codec.warnings();
    assertEquals(2, warnings.size(), "one per (type, attribute)");
    assertEquals(List.of("\"grey\"", "\"pink\""), warnings.get(0).values());
    assertTrue(warnings.get(0).message().contains("outside its declared symbols red, green;"), warnings.get(0).message());
  }

  @Test
  void objectsOfAnUndeclaredTypeAreKeptAsideAndTheirTypeWarnedOnce() {
    FrameCodec codec = open();
    Frame f = codec.encode(rec(null, ObjectState.of(1, "Ball", 2, 2, 1, 1), ObjectState.of(5, "Lava", 3, 3, 1, 1),
        ObjectState.of(6, "Lava", 4, 3, 1, 1)), null, FILE, 9);
    assertEquals(1, f.size());
    assertEquals(2, f.undeclaredCount());
    assertTrue(f.hasUndeclared(5, "Lava"));
    assertFalse(f.hasUndeclared(5, "Rock"));
    assertEquals(1, codec.decode(f, 0, 0, 0, false).objects().size(), "the model does not describe them");
    ReadWarning w = codec.warnings().get(0);
    assertEquals(ReadWarning.Kind.UNDECLARED_TYPE, w.kind());
    assertEquals("Lava", w.type());
    assertEquals("d.jsonl:9: warning: type Lava is not declared by world W; its objects are scored as unexplained new"
        + " objects when they appear, and left out of predictions (1 record)", w.message());
  }

  @Test
  void anUndeclaredActionIsKeptPastTheDeclaredOnes() {
    FrameCodec codec = open();
    Frame f = codec.encode(rec("JUMP"), null, FILE, 2);
    assertEquals(WORLD.actions().size(), f.action());
    assertEquals(WORLD.actions().size() + 1, codec.encode(rec("DUCK"), null, FILE, 3).action());
    assertEquals("JUMP", codec.decode(f, 0, 0, 0, false).action());
    assertEquals(ReadWarning.Kind.UNDECLARED_ACTION, codec.warnings().get(0).kind());
    assertEquals("JUMP", codec.warnings().get(0).name());
  }

  @Test
  void strictModeRefusesEachWithTheSameMessageAsBefore() {
    FrameCodec strict = new FrameCodec(WORLD, ReadMode.STRICT);
    Map<String, Object> spin = Map.of("spin", 1);
    assertEquals("d.jsonl:7: field 'objects[0].spin': type Ball declares no attribute spin",
        assertThrows(TrajectoryFormatException.class, () -> strict.encode(rec(null, ball(1, spin)), null, FILE, 7)).getMessage());
    assertEquals("d.jsonl:7: field 'objects[0].level': expected an integer in 0..3, got 4",
        assertThrows(TrajectoryFormatException.class, () -> strict.encode(rec(null, lamp(4, true, "red")), null, FILE, 7)).getMessage());
    assertEquals("d.jsonl:7: field 'objects[0].color': expected one of \"red\", \"green\", got \"grey\"",
        assertThrows(TrajectoryFormatException.class, () -> strict.encode(rec(null, lamp(1, true, "grey")), null, FILE, 7)).getMessage());
    assertEquals("d.jsonl:7: field 'objects[0].type': unknown type \"Lava\"; world W declares Ball, Lamp",
        assertThrows(TrajectoryFormatException.class,
            () -> strict.encode(rec(null, ObjectState.of(1, "Lava", 0, 0, 1, 1)), null, FILE, 7)).getMessage());
    assertEquals(ReadMode.STRICT, new FrameCodec(WORLD).mode(), "the plain constructor stays strict");
    assertTrue(strict.warnings().isEmpty());
  }

  @Test
  void missingAttributesAndValuesOfTheWrongKindStayErrorsWhenOpen() {
    FrameCodec codec = open();
    TrajectoryFormatException missing = assertThrows(TrajectoryFormatException.class,
        () -> codec.encode(rec(null, lamp(null, true, "red")), null, FILE, 3));
    assertEquals("objects[0].level", missing.field());
    assertEquals("missing; type Lamp declares it as an integer in 0..3", missing.problem());
    assertEquals("expected one of \"red\", \"green\", got 2", assertThrows(TrajectoryFormatException.class,
        () -> codec.encode(rec(null, lamp(1, true, 2)), null, FILE, 3)).problem());
    assertEquals("expected an integer in 0..3, got \"high\"", assertThrows(TrajectoryFormatException.class,
        () -> codec.encode(rec(null, lamp("high", true, "red")), null, FILE, 3)).problem());
    assertEquals("expected true or false, got 1", assertThrows(TrajectoryFormatException.class,
        () -> codec.encode(rec(null, lamp(1, 1, "red")), null, FILE, 3)).problem());
    assertTrue(assertThrows(TrajectoryFormatException.class,
        () -> codec.encode(rec(null, ObjectState.of(null, "Lava", 0, 0, 1, 1)), null, FILE, 3)).problem().contains("track"));
  }

  @Test
  void manyDifferentValuesMakeOneLineThatCountsTheRest() {
    FrameCodec codec = open();
    for (int k = 0; k < 2000; k++) {
      codec.encode(rec(null, lamp(10 + k, true, "red")), null, FILE, k + 1);
    }
    List<ReadWarning> warnings = codec.warnings();
    assertEquals(1, warnings.size());
    assertEquals(List.of("10", "11", "12", "13"), warnings.get(0).values());
    assertEquals(2000, warnings.get(0).records());
    assertTrue(warnings.get(0).message().contains("takes 10, 11, 12, 13 and over 996 more, outside"),
        warnings.get(0).message());
  }

  @Test
  void readingFilesWarnsOncePerFileAndKeepsIndexesAcrossFiles(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    String record = "{\"episode\":0,\"t\":%d,\"action\":%s,\"objects\":[{\"id\":2,\"type\":\"Lamp\",\"x\":1,\"y\":1,"
        + "\"level\":1,\"on\":true,\"color\":\"grey\",\"glow\":3},{\"id\":4,\"type\":\"Lava\",\"x\":0,\"y\":0}]}\n";
    Files.writeString(a, String.format(record, 0, "\"UP\"") + String.format(record, 1, "null"));
    Files.writeString(b, String.format(record, 0, "null"));
    TrajectoryData data = Episodes.readAll(List.of(a, b), WORLD, ReadMode.OPEN);
    assertEquals(2, data.episodes().size());
    assertEquals(1, Episodes.transitions(data.episodes()));
    Frame first = data.episodes().get(0).frames().get(0);
    Frame other = data.episodes().get(1).frames().get(0);
    assertEquals(first.get(0, COLOR), other.get(0, COLOR), "one codec reads every file");
    assertEquals(6, data.warnings().size(), "three surprises, in each of two files");
    assertEquals(List.of(a, a, a, b, b, b), data.warnings().stream().map(ReadWarning::file).toList());
    assertEquals(2, data.warnings().get(0).records());
    assertEquals("grey", data.codec().decode(first, 0, 0, 0, false).objects().get(0).attributes().get("color"));
    TrajectoryFormatException strict = assertThrows(TrajectoryFormatException.class,
        () -> Episodes.readAll(List.of(a, b), WORLD));
    assertEquals(a + ":1: field 'objects[0].color': expected one of \"red\", \"green\", got \"grey\"", strict.getMessage());
  }

  @Test
  void aMalformedRecordStillFailsWithFileLineAndField(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.jsonl");
    Files.writeString(a, "{\"episode\":0,\"t\":0,\"objects\":[{\"id\":1,\"type\":\"Lava\",\"x\":\"left\",\"y\":0}]}\n");
    TrajectoryFormatException e = assertThrows(TrajectoryFormatException.class,
        () -> Episodes.readAll(List.of(a), WORLD, ReadMode.OPEN));
    assertEquals(1, e.line());
    assertEquals("objects[0].x", e.field());
  }
}
