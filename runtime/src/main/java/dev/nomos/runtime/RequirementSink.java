package dev.nomos.runtime;

/**
 * An {@link OpinionSink} for what a constraint states: exact values and ranges only. A constraint's
 * plan is a law's, so it reaches a sink through the same calls, and any choice, joint choice or
 * creation in it is refused with an {@link IllegalStateException} naming {@link #caller()}.
 */
public abstract class RequirementSink implements OpinionSink {

  /** Who made the opinion being refused, for the message (such as {@code constraint 'on_rope'}). */
  protected abstract String caller();

  /** An exact value is the one-value range. */
  @Override
  public void exact(int object, int slot, int value) {
    range(object, slot, value, value);
  }

  private IllegalStateException refused(String what) {
    return new IllegalStateException(caller() + " " + what + "; requirements are = or in lo..hi");
  }

  @Override
  public final void beginChoice(int object, int slot) {
    throw refused("made a choice");
  }

  @Override
  public final void choice(int value, double weight) {
    throw refused("made a choice");
  }

  @Override
  public final void endChoice() {
    throw refused("made a choice");
  }

  @Override
  public final void beginJoint(int object) {
    throw refused("made a joint choice");
  }

  @Override
  public final void jointAlternative(double weight) {
    throw refused("made a joint choice");
  }

  @Override
  public final void jointValue(int slot, int value) {
    throw refused("made a joint choice");
  }

  @Override
  public final void endJoint() {
    throw refused("made a joint choice");
  }

  @Override
  public final void spawn(int type, int x, int y) {
    throw refused("created an object");
  }

  @Override
  public final void beginSpawn(int type, double probability, int chance) {
    throw refused("created an object");
  }

  @Override
  public final void place(int x, int y, double weight) {
    throw refused("created an object");
  }

  @Override
  public final void placeRange(int x0, int y0, int x1, int y1) {
    throw refused("created an object");
  }

  @Override
  public final void endSpawn() {
    throw refused("created an object");
  }
}
