package dev.nomos.learn;

import dev.nomos.learn.internal.HeadingInference;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An attribute that tells which way an object faces, read off the data: whenever objects of
 * {@code type} moved, they moved toward the side their {@code attribute} names (MiniGrid's
 * {@code dir}, a GVGAI avatar's orientation). It lets one law speak of "the object in front" for
 * every heading at once, so what was seen facing one way carries over to the others.
 *
 * @param type the entity type
 * @param attribute the heading attribute of that type
 * @param sides each value of the attribute (as stored in a frame) and the {@link Side} ordinal it
 *     faces; values never seen moving are absent
 * @param literals each value of {@code sides} as it is written in source ({@code 2}, {@code LEFT})
 * @param speed the length of the usual step, in pixels
 */
public record Heading(String type, String attribute, SortedMap<Integer, Integer> sides, Map<Integer, String> literals,
    int speed) {

  public Heading {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(attribute, "attribute");
    sides = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sides));
    literals = Map.copyOf(literals);
    if (speed <= 0) {
      throw new IllegalArgumentException("a heading's step must be positive, got " + speed);
    }
    if (sides.size() < 2) {
      throw new IllegalArgumentException("a heading needs at least two values facing different sides");
    }
    for (Integer value : sides.keySet()) {
      if (!literals.containsKey(value)) {
        throw new IllegalArgumentException("no literal for heading value " + value);
      }
    }
  }

  /** The headings that {@code episodes} show, at most one per entity type (see {@code docs/learning.md}). */
  public static List<Heading> infer(WorldSchema schema, List<Episode> episodes) {
    return HeadingInference.infer(schema, episodes);
  }

  /** For people: {@code Agent.dir (0 RIGHT, 2 LEFT; step 1)}. */
  public String describe() {
    List<String> cases = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : sides.entrySet()) {
      cases.add(literals.get(e.getKey()) + " " + Side.NAMES.get(e.getValue()));
    }
    return type + "." + attribute + " (" + String.join(", ", cases) + "; step " + speed + ")";
  }

  /** The side ordinal that {@code value} faces, or {@link Side#NONE}'s ordinal when unknown. */
  public int sideOf(int value) {
    return sides.getOrDefault(value, Side.NONE.ordinal());
  }

  /**
   * A condition that holds when {@code other} touches {@code self} on the side {@code self} faces:
   * {@code ((o.dir == 0 and side(o, u) == RIGHT) or ...)}.
   */
  public String facing(String self, String other) {
    List<String> cases = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : sides.entrySet()) {
      cases.add("(" + self + "." + attribute + " == " + literals.get(e.getKey()) + " and side(" + self + ", " + other
          + ") == " + Side.NAMES.get(e.getValue()) + ")");
    }
    return "(" + String.join(" or ", cases) + ")";
  }

  /**
   * The velocity on {@code axis} ({@code "x"} or {@code "y"}) of a step toward the side
   * {@code self} faces: {@code if o.dir == 0 then 1 else if o.dir == 2 then -1 else 0}.
   */
  public String stepVelocity(String self, String axis) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<Integer, Integer> e : sides.entrySet()) {
      int v = speed * unit(e.getValue(), axis);
      if (v != 0) {
        text.append("if ").append(self).append('.').append(attribute).append(" == ").append(literals.get(e.getKey()))
            .append(" then ").append(v).append(" else ");
      }
    }
    return text.append('0').toString();
  }

  /** The velocity on {@code axis} of a step toward the side {@code value} faces (0 for an unknown value). */
  public int stepVelocity(int value, String axis) {
    return speed * unit(sideOf(value), axis);
  }

  /** The unit step on {@code axis} ({@code "x"} or {@code "y"}) toward the side of ordinal {@code side}. */
  private static int unit(int side, String axis) {
    Side s = Side.values()[side];
    return axis.equals("x") ? s.dx() : s.dy();
  }
}
