package dev.nomos.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The 300-object workload: a crowded arena of one avatar, 59 movers, 160 blocks, 40 walls and 40
 * gems, with laws of the shapes a learner finds in such games: movers keeping, reversing and
 * losing their velocity, bouncing off walls and blocks on given sides, pushing one another, the
 * avatar steered by actions and collecting gems, and history conditions. Most laws are contact laws
 * between populous types, so the cost of finding contact pairs dominates, as it does in real
 * recordings of hundreds of objects.
 */
public final class CrowdLaws {
  public static final int AVATAR = 0;
  public static final int MOVER = 1;
  public static final int BLOCK = 2;
  public static final int WALL = 3;
  public static final int GEM = 4;
  public static final List<String> ACTIONS = List.of("NOOP", "UP", "DOWN", "LEFT", "RIGHT", "FIRE");
  private static final List<String> SIDES = List.of("TOP", "BOTTOM", "LEFT", "RIGHT");

  public static final String WORLD = """
      world Crowd {
        screen 480 x 360
        velocity -4..4
        actions NOOP, UP, DOWN, LEFT, RIGHT, FIRE
        entity Avatar
        entity Mover { energy: int 0..9 }
        entity Block
        entity Wall
        entity Gem
      }
      """;

  private CrowdLaws() {}

  /** The world and {@code count} laws as one source, cycling through the law families (repeating them, renamed, past their number). */
  public static String source(int count) {
    List<List<String>> families = new ArrayList<>();
    List<String> keep = new ArrayList<>();
    List<String> history = new ArrayList<>();
    for (int v = -3; v <= 3; v++) {
      for (String axis : List.of("vx", "vy")) {
        keep.add("for m: Mover\n  when m." + axis + " == " + v + "\n  then m." + axis + " := " + v);
        history.add("for m: Mover\n  when m." + axis + " == " + v + " and m." + axis + "@-1 == " + v + "\n  then m."
            + axis + " := " + v);
        history.add("for m: Mover\n  when m." + axis + " == 0 and m." + axis + "@-1 == " + v + "\n  then m." + axis
            + " := " + (-v));
      }
    }
    families.add(keep);
    families.add(history);
    List<String> bounce = new ArrayList<>();
    for (int side = 0; side < 4; side++) {
      String axis = side < 2 ? "vy" : "vx";
      String moving = side % 2 == 0 ? " < 0" : " > 0";
      for (String obstacle : List.of("Wall", "Block")) {
        bounce.add("on contact(m: Mover, o: " + obstacle + ", side: " + SIDES.get(side) + ")\n  when m." + axis + moving
            + "\n  then m." + axis + " := -m." + axis);
        bounce.add("on contact(m: Mover, o: " + obstacle + ", side: " + SIDES.get(side) + ", cover: 0.5)\n  then m."
            + axis + " := 0");
        for (int e = 0; e < 10; e += 3) {
          bounce.add("on contact(m: Mover, o: " + obstacle + ", side: " + SIDES.get(side) + ")\n  when m.energy > " + e
              + "\n  then m." + axis + " := -m." + axis);
        }
      }
      bounce.add("on contact(m: Mover, n: Mover, side: " + SIDES.get(side) + ")\n  then m." + axis + " := -m." + axis);
    }
    families.add(bounce);
    List<String> energy = new ArrayList<>();
    for (int e = 0; e <= 9; e++) {
      energy.add("on contact(m: Mover, n: Mover)\n  when m.energy == " + e + "\n  then m.energy := " + Math.max(0, e - 1));
      energy.add("for m: Mover\n  when m.energy == " + e + "\n  then m.energy := " + e);
    }
    families.add(energy);
    List<String> avatar = new ArrayList<>();
    for (int a = 0; a < ACTIONS.size(); a++) {
      for (int v = -4; v <= 4; v++) {
        String axis = a == 1 || a == 2 ? "vy" : "vx";
        avatar.add("for p: Avatar\n  when action == " + ACTIONS.get(a) + "\n  then p." + axis + " := " + v);
      }
      avatar.add("on contact(p: Avatar, g: Gem)\n  when action == " + ACTIONS.get(a) + "\n  then destroy g");
      for (int side = 0; side < 4; side++) {
        avatar.add("on contact(p: Avatar, o: Block, side: " + SIDES.get(side) + ")\n  when action == " + ACTIONS.get(a)
            + "\n  then p." + (side < 2 ? "vy" : "vx") + " := 0");
      }
    }
    families.add(avatar);
    List<String> gems = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      gems.add("on contact(g: Gem, m: Mover)\n  when m.energy > " + k + "\n  then g.vx := 0");
      gems.add("for g: Gem\n  when g.vy == " + (k - 4) + "\n  then g.vy := 0");
    }
    families.add(gems);

    List<String> unique = RoundRobin.interleave(families, count);
    StringBuilder sb = new StringBuilder(WORLD);
    for (int i = 0; i < count; i++) {
      sb.append('\n').append(LawText.law("c_" + i, unique.get(i % unique.size())));
    }
    return sb.toString();
  }
}
