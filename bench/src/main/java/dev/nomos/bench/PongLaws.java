package dev.nomos.bench;

import static dev.nomos.bench.LawText.law;

import java.util.ArrayList;
import java.util.List;

/**
 * The Pong-scale workload's laws as parameterised specs, shaped like the experts PoE-World learns
 * for Pong: action guards, velocity conditions, contacts with sides, history reads, a few
 * two-object and quantified laws, each with one target. Each spec renders to Nomos source, and
 * {@code handwritten.HandWrittenPong} implements the same spec directly in Java, so the compiled
 * and hand-written engines run exactly the same laws.
 */
public final class PongLaws {
  public static final int PLAYER = 0;
  public static final int ENEMY = 1;
  public static final int BALL = 2;
  public static final int WALL = 3;
  public static final int ZONE = 4;
  public static final List<String> TYPES = List.of("Player", "Enemy", "Ball", "Wall", "Zone");
  public static final List<String> ACTIONS = List.of("NOOP", "FIRE", "UP", "DOWN", "UPFIRE", "DOWNFIRE");
  public static final List<String> SIDES = List.of("TOP", "BOTTOM", "LEFT", "RIGHT");

  public static final String WORLD = """
      world Pong {
        screen 160 x 210
        velocity -30..30
        actions NOOP, FIRE, UP, DOWN, UPFIRE, DOWNFIRE
        entity Player
        entity Enemy
        entity Ball
        entity Wall
        entity Zone
      }
      """;

  private PongLaws() {}

  /** One law of the workload. */
  public sealed interface Spec {
    /** The law's source, named {@code name}. */
    String source(String name);
  }

  /** {@code for p: T when action in {A, B} then p.v := value}. */
  public record ActionVelocity(int type, int[] actions, boolean vertical, int value) implements Spec {
    @Override public String source(String name) {
      return law(name, "for o: " + TYPES.get(type), "when action in {" + actionList(actions) + "}",
          "then o." + axis(vertical) + " := " + value);
    }
  }

  /** {@code for o: T when o.v == value then o.v := value}: velocity persistence. */
  public record KeepVelocity(int type, boolean vertical, int value) implements Spec {
    @Override public String source(String name) {
      String v = "o." + axis(vertical);
      return law(name, "for o: " + TYPES.get(type), "when " + v + " == " + value, "then " + v + " := " + value);
    }
  }

  /**
   * {@code on contact(b: Ball, o: T, side: S[, cover: c]) when b.v < 0 (or > 0) then b.v := -b.v}:
   * the velocity across the touched side flips.
   */
  public record Bounce(int other, int side, boolean approachingNegative, int coverPercent) implements Spec {
    /** Whether the touched side is TOP or BOTTOM, so the vertical velocity flips. */
    public boolean vertical() {
      return side <= 1;
    }

    @Override public String source(String name) {
      String v = "b." + axis(vertical());
      String cover = coverPercent > 0 ? ", cover: " + (coverPercent / 100.0) : "";
      return law(name, "on contact(b: Ball, o: " + TYPES.get(other) + ", side: " + SIDES.get(side) + cover + ")",
          "when " + v + (approachingNegative ? " < 0" : " > 0"), "then " + v + " := -" + v);
    }
  }

  /** {@code for p: Player when action == A and p.vy@-1 == before then p.vy := value}. */
  public record HistoryAction(int action, int before, int value) implements Spec {
    @Override public String source(String name) {
      return law(name, "for p: Player", "when action == " + ACTIONS.get(action) + " and p.vy@-1 == " + before,
          "then p.vy := " + value);
    }
  }

  /** {@code for e: Enemy for b: Ball when b.cy < e.cy - gap (or > e.cy + gap) then e.vy := -speed (or speed)}. */
  public record Track(boolean up, int gap, int speed) implements Spec {
    @Override public String source(String name) {
      String cond = up ? "b.cy < e.cy - " + gap : "b.cy > e.cy + " + gap;
      return law(name, "for e: Enemy", "for b: Ball", "when " + cond, "then e.vy := " + (up ? -speed : speed));
    }
  }

  /** {@code for b: Ball when b.vx == 0 then b.vx ~ one_of(-k, k)}. */
  public record Serve(int speed) implements Spec {
    @Override public String source(String name) {
      return law(name, "for b: Ball", "when b.vx == 0", "then b.vx ~ one_of(-" + speed + ", " + speed + ")");
    }
  }

  /** {@code for p: Player when action == NOOP then p.vy ~ weighted(0: 0.8, 1: 0.1, -1: 0.1)}. */
  public record Jitter() implements Spec {
    @Override public String source(String name) {
      return law(name, "for p: Player", "when action == NOOP", "then p.vy ~ weighted(0: 0.8, 1: 0.1, -1: 0.1)");
    }
  }

  /** {@code for e: Enemy when e.vy == 0 then e.vy ~ range(-1, 1)}. */
  public record Wobble() implements Spec {
    @Override public String source(String name) {
      return law(name, "for e: Enemy", "when e.vy == 0", "then e.vy ~ range(-1, 1)");
    }
  }

  /** {@code for b: Ball when not exists o: Object where touching(b, o) then b.v := b.v}: free flight. */
  public record FreeFlight(boolean vertical) implements Spec {
    @Override public String source(String name) {
      String v = "b." + axis(vertical);
      return law(name, "for b: Ball", "when not exists o: Object where touching(b, o)", "then " + v + " := " + v);
    }
  }

  /** {@code on contact(b: Ball, z: Zone) then destroy b}. */
  public record Score() implements Spec {
    @Override public String source(String name) {
      return law(name, "on contact(b: Ball, z: Zone)", "then destroy b");
    }
  }

  /** {@code when count(Ball) == 0 then spawn Ball at (78, 118)}. */
  public record Respawn() implements Spec {
    @Override public String source(String name) {
      return law(name, "when count(Ball) == 0", "then spawn Ball at (78, 118)");
    }
  }

  /** About {@code count} specs, cycling through the templates so every kind is represented. */
  public static List<Spec> specs(int count) {
    List<List<Spec>> families = new ArrayList<>();
    List<Spec> actionLaws = new ArrayList<>();
    for (int a = 0; a < ACTIONS.size(); a++) {
      int partner = (a + 2) % ACTIONS.size();
      for (int v = -12; v <= 12; v++) {
        actionLaws.add(new ActionVelocity(PLAYER, v % 2 == 0 ? new int[] {a} : new int[] {a, partner}, true, v));
      }
      actionLaws.add(new ActionVelocity(PLAYER, new int[] {a}, false, 0));
    }
    families.add(actionLaws);
    List<Spec> keep = new ArrayList<>();
    for (int v = -8; v <= 8; v++) {
      keep.add(new KeepVelocity(BALL, false, v));
      keep.add(new KeepVelocity(BALL, true, v));
      keep.add(new KeepVelocity(ENEMY, true, v));
      keep.add(new KeepVelocity(PLAYER, true, v));
      keep.add(new KeepVelocity(PLAYER, false, v));
    }
    families.add(keep);
    List<Spec> bounces = new ArrayList<>();
    for (int other : new int[] {WALL, PLAYER, ENEMY}) {
      for (int side = 0; side < 4; side++) {
        bounces.add(new Bounce(other, side, side % 2 == 0, 0));
        bounces.add(new Bounce(other, side, side % 2 == 0, 50));
        bounces.add(new Bounce(other, side, side % 2 != 0, 0));
      }
    }
    families.add(bounces);
    List<Spec> history = new ArrayList<>();
    for (int a = 0; a < ACTIONS.size(); a++) {
      for (int before = -8; before <= 8; before += 2) {
        history.add(new HistoryAction(a, before, Math.max(-12, Math.min(12, before + (a % 2 == 0 ? -2 : 2)))));
      }
    }
    families.add(history);
    List<Spec> tracking = new ArrayList<>();
    for (int gap : new int[] {0, 4, 8, 12}) {
      for (int speed = 1; speed <= 8; speed++) {
        tracking.add(new Track(true, gap, speed));
        tracking.add(new Track(false, gap, speed));
      }
    }
    families.add(tracking);
    families.add(List.of(new Serve(1), new Serve(2), new Serve(3), new Serve(4), new Jitter(), new Wobble(),
        new FreeFlight(false), new FreeFlight(true), new Score(), new Respawn()));
    return RoundRobin.interleave(families, count);
  }

  /** The world and the laws of {@code specs} as one source file; law i is named {@code law_i}. */
  public static String source(List<Spec> specs) {
    StringBuilder sb = new StringBuilder(WORLD);
    for (int i = 0; i < specs.size(); i++) {
      sb.append('\n').append(specs.get(i).source(lawName(i)));
    }
    return sb.toString();
  }

  /** The name of the law at {@code index} in a workload source. */
  public static String lawName(int index) {
    return "law_" + index;
  }

  static String axis(boolean vertical) {
    return vertical ? "vy" : "vx";
  }

  static String actionList(int[] actions) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < actions.length; i++) {
      sb.append(i > 0 ? ", " : "").append(ACTIONS.get(actions[i]));
    }
    return sb.toString();
  }
}
