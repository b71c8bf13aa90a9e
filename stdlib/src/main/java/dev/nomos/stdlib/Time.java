package dev.nomos.stdlib;

import dev.nomos.runtime.Frame;

/** How long objects have been in the episode, as the frame tracks it (see {@link Frame#age(int)}). */
public final class Time {
  private Time() {}

  /** Steps since the object appeared (0 in its first frame, or in the first frame of the recording). */
  public static int age(Frame f, int o) {
    return f.age(o);
  }

  /**
   * Whether the object is present: always true for an object of the frame, so it says something
   * only as {@code present(o)@-k}, which is false where o was not yet (or no longer) there.
   */
  public static boolean present(Frame f, int o) {
    return true;
  }
}
