package dev.nomos.compiler.codegen;

import dev.nomos.runtime.OpinionSink;
import java.util.ArrayList;
import java.util.List;

/** Records every OpinionSink call, value for value, so two engines' outputs can be compared exactly. */
class RecordingSink implements OpinionSink {
  final List<String> calls = new ArrayList<>();
  /** The frame a constraint's {@code next(...)} reads; null: none. */
  dev.nomos.runtime.Frame next;

  @Override public dev.nomos.runtime.Frame nextFrame() {
    calls.add("nextFrame()");
    return next;
  }

  @Override public void exact(int object, int slot, int value) {
    calls.add("exact(" + object + "," + slot + "," + value + ")");
  }

  @Override public void range(int object, int slot, int lo, int hi) {
    calls.add("range(" + object + "," + slot + "," + lo + "," + hi + ")");
  }

  @Override public void beginChoice(int object, int slot) {
    calls.add("beginChoice(" + object + "," + slot + ")");
  }

  @Override public void choice(int value, double weight) {
    calls.add("choice(" + value + "," + Double.doubleToRawLongBits(weight) + ")");
  }

  @Override public void endChoice() {
    calls.add("endChoice()");
  }

  @Override public void beginJoint(int object) {
    calls.add("beginJoint(" + object + ")");
  }

  @Override public void jointAlternative(double weight) {
    calls.add("jointAlternative(" + Double.doubleToRawLongBits(weight) + ")");
  }

  @Override public void jointValue(int slot, int value) {
    calls.add("jointValue(" + slot + "," + value + ")");
  }

  @Override public void endJoint() {
    calls.add("endJoint()");
  }

  @Override public void spawn(int type, int x, int y) {
    calls.add("spawn(" + type + "," + x + "," + y + ")");
  }

  @Override public void beginSpawn(int type, double probability, int chance) {
    calls.add("beginSpawn(" + type + "," + Double.doubleToRawLongBits(probability) + "," + chance + ")");
  }

  @Override public void place(int x, int y, double weight) {
    calls.add("place(" + x + "," + y + "," + Double.doubleToRawLongBits(weight) + ")");
  }

  @Override public void placeRange(int x0, int y0, int x1, int y1) {
    calls.add("placeRange(" + x0 + "," + y0 + "," + x1 + "," + y1 + ")");
  }

  @Override public void endSpawn() {
    calls.add("endSpawn()");
  }
}
