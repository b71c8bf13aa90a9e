package dev.nomos.learn;

import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Geometry;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders transitions compactly and deterministically, for a person reading a report and for an
 * LLM asked to explain them. Per transition: the action; every object whose velocity, extra
 * attributes or presence changed, with its extra attributes at t, its position and velocity before
 * and after, the attributes that changed, and the objects
 * it touches at t (with the side of it they touch); objects that appeared; and one line for the
 * objects that kept moving at a steady velocity. Static, unchanged objects are left out unless they
 * are touched by a changed one (they appear in its contact list).
 */
public final class TransitionRenderer {
  private final int maxObjectsPerTransition;

  public TransitionRenderer() {
    this(12);
  }

  public TransitionRenderer(int maxObjectsPerTransition) {
    this.maxObjectsPerTransition = maxObjectsPerTransition;
  }

  public String render(List<Transition> transitions) {
    StringBuilder out = new StringBuilder();
    for (Transition t : transitions) {
      render(t, out);
    }
    return out.toString();
  }

  public String render(Transition transition) {
    StringBuilder out = new StringBuilder();
    render(transition, out);
    return out.toString();
  }

  private void render(Transition transition, StringBuilder out) {
    Frame a = transition.before();
    Frame b = transition.after();
    WorldSchema schema = a.schema();
    out.append("[").append(transition.index()).append("] action ").append(actionName(schema, a.action()));
    if (a.previous() != null && a.previous().action() >= 0) {
      out.append(" (previous ").append(actionName(schema, a.previous().action())).append(')');
    }
    out.append('\n');
    List<String> changed = new ArrayList<>();
    List<String> steady = new ArrayList<>();
    for (int i : a.all()) {
      int j = b.indexOfId(a.id(i));
      String name = objectName(a, i);
      if (j < 0) {
        changed.add(name + stateOf(a, i) + " at (" + a.x(i) + "," + a.y(i) + ") v=(" + a.vx(i) + "," + a.vy(i)
            + ") is destroyed" + contacts(a, i));
        continue;
      }
      int vx0 = a.vx(i), vy0 = a.vy(i);
      int vx1 = b.x(j) - a.x(i), vy1 = b.y(j) - a.y(i);
      String extras = extraChanges(a, i, b, j);
      boolean velocityChanged = vx0 != vx1 || vy0 != vy1;
      if (velocityChanged || !extras.isEmpty()) {
        StringBuilder line = new StringBuilder(name);
        line.append(stateOf(a, i));
        line.append(" (").append(a.x(i)).append(',').append(a.y(i)).append(") v=(").append(vx0).append(',')
            .append(vy0).append(") -> (").append(b.x(j)).append(',').append(b.y(j)).append(") v=(").append(vx1)
            .append(',').append(vy1).append(')');
        if (vx0 != vx1) {
          line.append(" vx ").append(vx0).append("->").append(vx1);
        }
        if (vy0 != vy1) {
          line.append(" vy ").append(vy0).append("->").append(vy1);
        }
        line.append(extras).append(contacts(a, i));
        changed.add(line.toString());
      } else if (vx1 != 0 || vy1 != 0) {
        steady.add(name + " v=(" + vx1 + "," + vy1 + ")");
      }
    }
    for (int j : b.all()) {
      if (a.indexOfId(b.id(j)) < 0) {
        changed.add("new " + objectName(b, j) + " at (" + b.x(j) + "," + b.y(j) + ")" + extraValues(b, j)
            + nearest(a, b, j));
      }
    }
    int shown = 0;
    for (String line : changed) {
      if (shown++ == maxObjectsPerTransition) {
        out.append("  ... and ").append(changed.size() - maxObjectsPerTransition).append(" more changes\n");
        break;
      }
      out.append("  ").append(line).append('\n');
    }
    if (changed.isEmpty()) {
      out.append("  no velocity, attribute or presence changes\n");
    }
    if (!steady.isEmpty()) {
      out.append("  steady: ");
      int n = Math.min(steady.size(), maxObjectsPerTransition);
      out.append(String.join(", ", steady.subList(0, n)));
      if (steady.size() > n) {
        out.append(", ... ").append(steady.size() - n).append(" more");
      }
      out.append('\n');
    }
  }

  private static String contacts(Frame f, int i) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (int k : f.all()) {
      if (k == i || !Geometry.touching(f, i, k)) {
        continue;
      }
      if (n++ == 4) {
        sb.append(", ...");
        break;
      }
      sb.append(n == 1 ? "; touches " : ", ").append(objectName(f, k)).append(" on its ")
          .append(Side.NAMES.get(Geometry.side(f, i, k)));
    }
    return sb.toString();
  }

  /** For a new object: the object of frame t it appeared closest to, a hint at what spawned it. */
  private static String nearest(Frame a, Frame b, int j) {
    int best = -1;
    long bestDistance = Long.MAX_VALUE;
    for (int i : a.all()) {
      long dx = a.x(i) - b.x(j);
      long dy = a.y(i) - b.y(j);
      long d = dx * dx + dy * dy;
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    if (best < 0) {
      return "";
    }
    return "; nearest at t: " + objectName(a, best) + " at (" + a.x(best) + "," + a.y(best) + ")";
  }

  private static String extraChanges(Frame a, int i, Frame b, int j) {
    EntityType type = a.schema().type(a.type(i));
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < type.extras().size(); k++) {
      int slot = Slots.FIRST_EXTRA + k;
      AttributeSpec spec = type.extras().get(k);
      int v0 = a.get(i, slot), v1 = b.get(j, slot);
      if (v0 != v1) {
        sb.append(' ').append(spec.name()).append(' ').append(value(spec, v0)).append("->").append(value(spec, v1));
      }
    }
    return sb.toString();
  }

  /** The extra attributes of an object at t, as {@code {dir=2, carrying=false}}; empty without extras. */
  private static String stateOf(Frame f, int i) {
    EntityType type = f.schema().type(f.type(i));
    if (type.extras().isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" {");
    for (int k = 0; k < type.extras().size(); k++) {
      AttributeSpec spec = type.extras().get(k);
      sb.append(k == 0 ? "" : ", ").append(spec.name()).append('=')
          .append(value(spec, f.get(i, Slots.FIRST_EXTRA + k)));
    }
    return sb.append('}').toString();
  }

  private static String extraValues(Frame f, int i) {
    EntityType type = f.schema().type(f.type(i));
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < type.extras().size(); k++) {
      AttributeSpec spec = type.extras().get(k);
      sb.append(' ').append(spec.name()).append('=').append(value(spec, f.get(i, Slots.FIRST_EXTRA + k)));
    }
    return sb.toString();
  }

  static String value(AttributeSpec spec, int v) {
    if (spec.kind() == AttributeKind.BOOL) {
      return v != 0 ? "true" : "false";
    }
    if (spec.kind() == AttributeKind.SYMBOL && v >= 0 && v < spec.symbols().size()) {
      return spec.symbols().get(v);
    }
    return Integer.toString(v);
  }

  static String objectName(Frame f, int i) {
    return f.schema().type(f.type(i)).name() + "#" + f.id(i);
  }

  static String actionName(WorldSchema schema, int action) {
    return action >= 0 && action < schema.actions().size() ? schema.actions().get(action) : "none";
  }
}
