package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where an executed plan first departed from the true world: the step of the episode, the action
 * taken, and each object whose predicted state differs from the observed one (matched by id), as
 * {@code "Box 3 at (4,5): predicted (4,4), observed (4,5)"}. An object the model predicted but the
 * world does not show (or the reverse) reads {@code predicted none} ({@code observed none}).
 */
public record Departure(int step, String action, List<String> differences) {

  public Departure {
    differences = List.copyOf(differences);
  }

  /** The departure of {@code observed} from {@code predicted}, both reached from {@code before} by {@code action}. */
  public static Departure between(int step, int action, Frame before, Frame predicted, Frame observed) {
    List<String> out = new ArrayList<>();
    for (int o = 0; o < observed.size(); o++) {
      int id = observed.id(o);
      int p = predicted.indexOfId(id);
      if (p < 0 || !sameObject(predicted, p, observed, o)) {
        out.add(name(observed, o) + at(before, id) + ": predicted " + (p < 0 ? "none" : state(predicted, p))
            + ", observed " + state(observed, o));
      }
    }
    for (int p = 0; p < predicted.size(); p++) {
      if (observed.indexOfId(predicted.id(p)) < 0) {
        out.add(name(predicted, p) + at(before, predicted.id(p)) + ": predicted " + state(predicted, p) + ", observed none");
      }
    }
    return new Departure(step, before.schema().actions().get(action), out);
  }

  private static boolean sameObject(Frame a, int i, Frame b, int j) {
    return a.type(i) == b.type(j) && Arrays.equals(a.slots(i), b.slots(j)) && a.vx(i) == b.vx(j)
        && a.vy(i) == b.vy(j);
  }

  private static String name(Frame f, int o) {
    return f.schema().type(f.type(o)).name() + " " + f.id(o);
  }

  private static String at(Frame before, int id) {
    int b = before.indexOfId(id);
    return b < 0 ? " (new)" : " at (" + before.x(b) + "," + before.y(b) + ")";
  }

  /** Position, the other declared slots when there are any, and a velocity other than rest. */
  private static String state(Frame f, int o) {
    StringBuilder s = new StringBuilder("(").append(f.x(o)).append(',').append(f.y(o)).append(')');
    int[] slots = f.slots(o);
    for (int k = Slots.FIRST_EXTRA; k < slots.length; k++) {
      s.append(k == Slots.FIRST_EXTRA ? " [" : ",").append(slots[k]).append(k == slots.length - 1 ? "]" : "");
    }
    if (f.vx(o) != 0 || f.vy(o) != 0) {
      s.append(" v(").append(f.vx(o)).append(',').append(f.vy(o)).append(')');
    }
    return s.toString();
  }
}
