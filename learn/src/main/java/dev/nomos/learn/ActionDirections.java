package dev.nomos.learn;

import dev.nomos.learn.internal.ActionDirectionInference;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Actions that name a direction, read off the data: whenever objects of {@code type} moved under
 * one of these actions, they moved toward the side it names (a GVGAI avatar under LEFT, RIGHT, UP,
 * DOWN). It lets one law speak of "the object ahead in the action's direction" or "the object
 * pushing from behind" for every direction at once, so that a push or a block the data shows in
 * one direction carries over to the others.
 *
 * @param type the entity type whose moves show the directions (for people; the laws it yields
 *     speak of any type)
 * @param sides each action's index in the schema and the {@link Side} ordinal it moves toward;
 *     actions without a clear direction are absent
 * @param literals each action of {@code sides} as it is written in source
 * @param speed the length of the usual step, in pixels
 */
public record ActionDirections(String type, SortedMap<Integer, Integer> sides, Map<Integer, String> literals,
    int speed) {

  /** No action names a direction. */
  public static final ActionDirections NONE = new ActionDirections("", new TreeMap<>(), Map.of(), 1);

  public ActionDirections {
    Objects.requireNonNull(type, "type");
    sides = Collections.unmodifiableSortedMap(new TreeMap<>(sides));
    literals = Map.copyOf(literals);
    if (speed <= 0) {
      throw new IllegalArgumentException("an action's step must be positive, got " + speed);
    }
    if (sides.size() == 1) {
      throw new IllegalArgumentException("directions need at least two actions moving toward different sides");
    }
    for (Integer action : sides.keySet()) {
      if (!literals.containsKey(action)) {
        throw new IllegalArgumentException("no literal for action " + action);
      }
    }
  }

  /** The directions that {@code episodes} show, or {@link #NONE} (see {@code docs/learning.md}). */
  public static ActionDirections infer(WorldSchema schema, List<Episode> episodes) {
    return ActionDirectionInference.infer(schema, episodes);
  }

  public boolean isEmpty() {
    return sides.isEmpty();
  }

  /** The side ordinal that {@code action} moves toward, or {@link Side#NONE}'s ordinal. */
  public int sideOf(int action) {
    return sides.getOrDefault(action, Side.NONE.ordinal());
  }

  /** For people: {@code avatar (LEFT LEFT, UP TOP; step 1)}. */
  public String describe() {
    List<String> cases = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : sides.entrySet()) {
      cases.add(literals.get(e.getKey()) + " " + Side.NAMES.get(e.getValue()));
    }
    return type + " (" + String.join(", ", cases) + "; step " + speed + ")";
  }

  /**
   * A condition that holds when {@code other} touches {@code self} on the side the action taken
   * moves toward: {@code ((action == LEFT and side(o, u) == LEFT) or ...)}.
   */
  public String ahead(String self, String other) {
    return condition(self, other, false);
  }

  /**
   * A condition that holds when {@code other} touches {@code self} on the side opposite the action's
   * direction, as a pusher does: {@code ((action == LEFT and side(o, u) == RIGHT) or ...)}.
   */
  public String behind(String self, String other) {
    return condition(self, other, true);
  }

  private String condition(String self, String other, boolean opposite) {
    List<String> cases = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : sides.entrySet()) {
      Side side = Side.values()[e.getValue()];
      cases.add("(action == " + literals.get(e.getKey()) + " and side(" + self + ", " + other + ") == "
          + (opposite ? side.opposite() : side).name() + ")");
    }
    return "(" + String.join(" or ", cases) + ")";
  }

  /**
   * The velocity on {@code axis} ({@code "x"} or {@code "y"}) of a step in the action's direction:
   * {@code if action == RIGHT then 1 else if action == LEFT then -1 else 0}.
   */
  public String stepVelocity(String axis) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<Integer, Integer> e : sides.entrySet()) {
      int v = step(e.getValue(), axis);
      if (v != 0) {
        text.append("if action == ").append(literals.get(e.getKey())).append(" then ").append(v).append(" else ");
      }
    }
    return text.append('0').toString();
  }

  /** The velocity on {@code axis} of a step in {@code action}'s direction (0 for an action without one). */
  public int stepVelocity(int action, String axis) {
    int side = sideOf(action);
    return side == Side.NONE.ordinal() ? 0 : step(side, axis);
  }

  private int step(int side, String axis) {
    Side s = Side.values()[side];
    return speed * (axis.equals("x") ? s.dx() : s.dy());
  }
}
