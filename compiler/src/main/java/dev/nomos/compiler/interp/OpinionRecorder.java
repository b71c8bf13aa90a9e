package dev.nomos.compiler.interp;

import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link OpinionSink} that keeps every call as one line of text, in order: what differential
 * tests compare between the interpreter and generated code, and what a person reads to see what a
 * law said about a frame. Lines look like {@code exact 3 Y 57}, {@code range 3 X 8 12} (slot names
 * {@code X Y W H}, {@code ALIVE}, extras as {@code extra0}, {@code extra1}, ...), {@code choice 5 0.3}, {@code spawn 2 10 20},
 * for a joint choice {@code joint 3}, {@code alternative 0.8}, {@code value X 57}, {@code endjoint},
 * and for a creation {@code beginSpawn 2 0.25 -1}, {@code place 10 20 1.0}, {@code placeRange 0 0 9 0}, {@code endSpawn}.
 */
public final class OpinionRecorder implements OpinionSink {
  private final List<String> lines = new ArrayList<>();

  /** Every call so far, in order. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Forgets every call so far, so one recorder can serve frame after frame. */
  public void clear() {
    lines.clear();
  }

  @Override
  public void exact(int object, int slot, int value) {
    lines.add("exact " + object + " " + slot(slot) + " " + value);
  }

  @Override
  public void range(int object, int slot, int lo, int hi) {
    lines.add("range " + object + " " + slot(slot) + " " + lo + " " + hi);
  }

  @Override
  public void beginChoice(int object, int slot) {
    lines.add("begin " + object + " " + slot(slot));
  }

  @Override
  public void choice(int value, double weight) {
    lines.add("choice " + value + " " + weight);
  }

  @Override
  public void endChoice() {
    lines.add("end");
  }

  @Override
  public void beginJoint(int object) {
    lines.add("joint " + object);
  }

  @Override
  public void jointAlternative(double weight) {
    lines.add("alternative " + weight);
  }

  @Override
  public void jointValue(int slot, int value) {
    lines.add("value " + slot(slot) + " " + value);
  }

  @Override
  public void endJoint() {
    lines.add("endjoint");
  }

  @Override
  public void spawn(int type, int x, int y) {
    lines.add("spawn " + type + " " + x + " " + y);
  }

  @Override
  public void beginSpawn(int type, double probability, int chance) {
    lines.add("beginSpawn " + type + " " + probability + " " + chance);
  }

  @Override
  public void place(int x, int y, double weight) {
    lines.add("place " + x + " " + y + " " + weight);
  }

  @Override
  public void placeRange(int x0, int y0, int x1, int y1) {
    lines.add("placeRange " + x0 + " " + y0 + " " + x1 + " " + y1);
  }

  @Override
  public void endSpawn() {
    lines.add("endSpawn");
  }

  @Override
  public String toString() {
    return String.join("\n", lines);
  }

  private static String slot(int slot) {
    switch (slot) {
      case Slots.ALIVE: return "ALIVE";
      case Slots.X: return "X";
      case Slots.Y: return "Y";
      case Slots.W: return "W";
      case Slots.H: return "H";
      default: return "extra" + (slot - Slots.FIRST_EXTRA);
    }
  }
}
