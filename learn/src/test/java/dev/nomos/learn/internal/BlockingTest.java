package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.learn.ActionDirections;
import dev.nomos.learn.Transition;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which types stop a mover: still ones by steps taken beside them, moving ones by pushes that stayed. */
class BlockingTest {
  private static final int PLAYER = 0, BOX = 1, WALL = 2, CAR = 3, LEFT = 0, RIGHT = 1;
  private static final WorldSchema SCHEMA = new WorldSchema("W", 20, 20, -1, 1, List.of("LEFT", "RIGHT"),
      List.of(new EntityType("Player", PLAYER, List.of()), new EntityType("Box", BOX, List.of()),
          new EntityType("Wall", WALL, List.of()), new EntityType("Car", CAR, List.of())),
      0);
  private static final ActionDirections DIRECTIONS = new ActionDirections("Player",
      new TreeMap<>(Map.of(LEFT, Side.LEFT.ordinal(), RIGHT, Side.RIGHT.ordinal())),
      Map.of(LEFT, "LEFT", RIGHT, "RIGHT"), 1);

  /** One 1x1 object: id, type and cell. */
  private record Obj(int id, int type, int x, int y) {}

  private static Frame frame(int action, List<Obj> objects, Frame previous) {
    Frame.Builder b = Frame.builder(SCHEMA);
    for (Obj o : objects) {
      b.add(o.id, o.type, o.x, o.y, 1, 1);
    }
    return b.action(action).previous(previous).build();
  }

  private static void step(List<Transition> out, int action, List<Obj> before, List<Obj> after) {
    Frame a = frame(action, before, null);
    out.add(new Transition(out.size(), a, frame(action, after, a)));
  }

  /** The player at x pushes the box at x + 1 right onto a free cell. */
  private static void freePush(List<Transition> out, int x, int y) {
    step(out, RIGHT, List.of(new Obj(1, PLAYER, x, y), new Obj(2, BOX, x + 1, y)),
        List.of(new Obj(1, PLAYER, x + 1, y), new Obj(2, BOX, x + 2, y)));
  }

  /** The player at x pushes the box at x + 1 right against the box at x + 2: nothing moves. */
  private static void pushIntoBox(List<Transition> out, int x, int y) {
    List<Obj> still = List.of(new Obj(1, PLAYER, x, y), new Obj(2, BOX, x + 1, y), new Obj(3, BOX, x + 2, y));
    step(out, RIGHT, still, still);
  }

  /** Two cars in neighbouring rows drive left side by side. */
  private static void carsSideBySide(List<Transition> out, int x) {
    step(out, LEFT, List.of(new Obj(7, CAR, x, 10), new Obj(8, CAR, x, 11)),
        List.of(new Obj(7, CAR, x - 1, 10), new Obj(8, CAR, x - 1, 11)));
  }

  @Test
  void aBoxPushedAgainstABoxThatStaysTwiceIsBlockedByBoxes() {
    List<Transition> data = new ArrayList<>();
    freePush(data, 2, 2);
    pushIntoBox(data, 2, 5);
    pushIntoBox(data, 4, 7);
    Blocking blocking = Blocking.infer(SCHEMA, data, DIRECTIONS);
    assertEquals(List.of("Box"), blocking.blockers(BOX));
    // The player walks into boxes (it pushes them): they do not block it.
    assertEquals(List.of(), blocking.blockers(PLAYER));
  }

  @Test
  void oneStayIsNotEnoughToCallAMovingTypeAnObstacle() {
    List<Transition> data = new ArrayList<>();
    freePush(data, 2, 2);
    pushIntoBox(data, 2, 5);
    assertEquals(List.of(), Blocking.infer(SCHEMA, data, DIRECTIONS).blockers(BOX));
  }

  @Test
  void aBoxOnceSeenMovingIntoABoxIsNotBlockedByBoxes() {
    List<Transition> data = new ArrayList<>();
    pushIntoBox(data, 2, 5);
    pushIntoBox(data, 4, 7);
    // A chain push: the second box moves on and the first follows into the cell it left.
    step(data, RIGHT, List.of(new Obj(1, PLAYER, 2, 3), new Obj(2, BOX, 3, 3), new Obj(3, BOX, 4, 3)),
        List.of(new Obj(1, PLAYER, 3, 3), new Obj(2, BOX, 4, 3), new Obj(3, BOX, 5, 3)));
    assertEquals(List.of(), Blocking.infer(SCHEMA, data, DIRECTIONS).blockers(BOX));
  }

  @Test
  void movingNeighboursThatNeverDroveIntoEachOtherAreNotObstacles() {
    List<Transition> data = new ArrayList<>();
    for (int x = 15; x > 5; x--) {
      carsSideBySide(data, x);
    }
    assertEquals(List.of(), Blocking.infer(SCHEMA, data, DIRECTIONS).blockers(CAR));
  }

  @Test
  void aStillWallBesideWhichThePlayerStepsElsewhereBlocksIt() {
    List<Transition> data = new ArrayList<>();
    for (int x = 3; x < 6; x++) {
      // The wall above the player: it walks along it, never into it.
      step(data, RIGHT, List.of(new Obj(1, PLAYER, x, 5), new Obj(9, WALL, x, 4)),
          List.of(new Obj(1, PLAYER, x + 1, 5), new Obj(9, WALL, x, 4)));
    }
    assertEquals(List.of("Wall"), Blocking.infer(SCHEMA, data, DIRECTIONS).blockers(PLAYER));
  }
}
