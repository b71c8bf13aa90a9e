package dev.nomos.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The Montezuma-scale workload: a platformer room of 58 objects and about 450 laws shaped like the
 * experts PoE-World learns for Montezuma's Revenge (player actions, ladders, ropes, conveyors and
 * platforms touched on given sides, falling when touching nothing, skulls patrolling between walls,
 * keys and doors, history conditions), each with one target.
 */
public final class MontezumaLaws {
  public static final int PLAYER = 0;
  public static final int SKULL = 1;
  public static final int LADDER = 2;
  public static final int PLATFORM = 3;
  public static final int ROPE = 4;
  public static final int KEY = 5;
  public static final int DOOR = 6;
  public static final int WALL = 7;
  public static final int CONVEYOR = 8;
  public static final List<String> ACTIONS = List.of("NOOP", "FIRE", "UP", "RIGHT", "LEFT", "DOWN", "UPRIGHT",
      "UPLEFT", "DOWNRIGHT", "DOWNLEFT");
  private static final List<String> SIDES = List.of("TOP", "BOTTOM", "LEFT", "RIGHT");

  public static final String WORLD = """
      world Montezuma {
        screen 160 x 210
        velocity -8..8
        actions NOOP, FIRE, UP, RIGHT, LEFT, DOWN, UPRIGHT, UPLEFT, DOWNRIGHT, DOWNLEFT
        entity Player
        entity Skull
        entity Ladder
        entity Platform
        entity Rope
        entity Key
        entity Door { locked: bool }
        entity Wall
        entity Conveyor
      }
      """;

  private MontezumaLaws() {}

  /** The world and about {@code count} laws as one source, cycling through the law families. */
  public static String source(int count) {
    List<List<String>> families = new ArrayList<>();
    List<String> run = new ArrayList<>();
    List<String> climb = new ArrayList<>();
    List<String> land = new ArrayList<>();
    List<String> conveyor = new ArrayList<>();
    List<String> keepRunning = new ArrayList<>();
    for (int a = 0; a < ACTIONS.size(); a++) {
      String act = ACTIONS.get(a);
      String pair = act + ", " + ACTIONS.get((a + 3) % ACTIONS.size());
      for (int v = -3; v <= 3; v++) {
        run.add("for p: Player\n  when action in {" + (v % 2 == 0 ? act : pair) + "}\n  then p.vx := " + v);
        climb.add("on contact(p: Player, l: Ladder)\n  when action == " + act + "\n  then p.vy := " + v);
        keepRunning.add("for p: Player\n  when p.vx == " + v + " and p.vx@-1 == " + v + " and action == " + act
            + "\n  then p.vx := " + v);
      }
      for (int k = 0; k < 6; k++) {
        land.add("on contact(p: Player, s: Platform, side: BOTTOM)\n  when action == " + act + " and p.vy > " + k
            + "\n  then p.vy := 0");
      }
      for (int v = -2; v <= 2; v++) {
        conveyor.add("on contact(p: Player, c: Conveyor, side: BOTTOM)\n  when action == " + act + "\n  then p.vx := "
            + (v + (a % 2 == 0 ? 1 : -1)));
      }
    }
    families.add(run);
    families.add(climb);
    families.add(land);
    families.add(conveyor);
    families.add(keepRunning);
    List<String> fall = new ArrayList<>();
    for (int v = -4; v <= 6; v++) {
      fall.add("for p: Player\n  when not exists s: Platform where touching(p, s) and p.vy@-1 == " + v
          + "\n  then p.vy := " + Math.min(8, v + 1));
    }
    for (int n = 1; n <= 4; n++) {
      for (int v = 1; v <= 6; v++) {
        fall.add("for p: Player\n  when (count k in 1..4: p.vy@-k > 0) >= " + n + "\n  then p.vy := " + v);
      }
    }
    families.add(fall);
    List<String> skulls = new ArrayList<>();
    for (int side = 0; side < 4; side++) {
      String v = side < 2 ? "k.vy" : "k.vx";
      skulls.add("on contact(k: Skull, w: Wall, side: " + SIDES.get(side) + ")\n  when " + v + (side % 2 == 0 ? " < 0"
          : " > 0") + "\n  then " + v + " := -" + v);
      skulls.add("on contact(k: Skull, w: Platform, side: " + SIDES.get(side) + ")\n  then k.vy := 0");
    }
    for (int v = -3; v <= 3; v++) {
      skulls.add("for k: Skull\n  when k.vx == " + v + "\n  then k.vx := " + v);
      skulls.add("for k: Skull\n  when k.vx == 0 and k.vx@-1 == " + v + "\n  then k.vx := " + (-v));
    }
    families.add(skulls);
    List<String> walls = new ArrayList<>();
    for (int side = 0; side < 4; side++) {
      String v = side < 2 ? "p.vy" : "p.vx";
      walls.add("on contact(p: Player, w: Wall, side: " + SIDES.get(side) + ")\n  when " + v + (side % 2 == 0 ? " < 0"
          : " > 0") + "\n  then " + v + " := 0");
      walls.add("on contact(p: Player, w: Wall, side: " + SIDES.get(side) + ", cover: 0.5)\n  then " + v + " := 0");
      for (int a = 0; a < ACTIONS.size(); a++) {
        walls.add("on contact(p: Player, w: Wall, side: " + SIDES.get(side) + ")\n  when action == " + ACTIONS.get(a)
            + "\n  then " + v + " := 0");
      }
    }
    families.add(walls);
    List<String> objects = new ArrayList<>(List.of(
        "on contact(p: Player, k: Key)\n  then destroy k",
        "on contact(p: Player, d: Door)\n  when d.locked\n  then p.vx := 0",
        "on contact(p: Player, k: Skull)\n  then destroy p",
        "for d: Door\n  when not exists k: Key where true\n  then d.locked := false"));
    for (int v = -2; v <= 2; v++) {
      objects.add("on contact(p: Player, r: Rope)\n  when action in {UP, UPRIGHT, UPLEFT}\n  then p.vy := " + (v - 2));
      objects.add("on contact(p: Player, r: Rope)\n  when action in {DOWN, DOWNRIGHT, DOWNLEFT}\n  then p.vy := " + (v + 2));
    }
    for (int d = 1; d <= 10; d++) {
      objects.add("for p: Player\n  for k: Skull\n  when abs(p.x - k.x) < " + d + " and p.bottom == k.bottom\n"
          + "  then p.vx := 0");
    }
    for (int v = -2; v <= 2; v++) {
      objects.add("on contact(p: Player, s: Platform, side: BOTTOM)\n  when p.vy@-1 == " + v + "\n  then p.vy := 0");
      objects.add("for p: Player\n  when p.vy == " + v + " and p.vy@-1 == " + v + "\n  then p.vy := " + v);
    }
    families.add(objects);

    List<String> bodies = RoundRobin.interleave(families, count);
    StringBuilder sb = new StringBuilder(WORLD);
    for (int i = 0; i < bodies.size(); i++) {
      sb.append('\n').append(LawText.law("m_" + i, bodies.get(i)));
    }
    return sb.toString();
  }
}
