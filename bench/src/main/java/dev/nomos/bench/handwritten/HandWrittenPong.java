package dev.nomos.bench.handwritten;

import static dev.nomos.bench.PongLaws.BALL;
import static dev.nomos.bench.PongLaws.ENEMY;
import static dev.nomos.bench.PongLaws.PLAYER;
import static dev.nomos.bench.PongLaws.ZONE;

import dev.nomos.bench.PongLaws;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.stdlib.Geometry;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pong-scale workload written by hand in plain Java, one small class per law template: the
 * practical limit a compiler of these laws can approach. Each law emits exactly the opinions its
 * compiled counterpart emits (the bench tests check this on the workload's frames).
 */
public final class HandWrittenPong {
  private HandWrittenPong() {}

  /** One hand-written law per spec, named as {@link PongLaws#source} names the compiled ones. */
  public static List<Law> laws(List<PongLaws.Spec> specs) {
    List<Law> laws = new ArrayList<>(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      laws.add(of(PongLaws.lawName(i), specs.get(i)));
    }
    return laws;
  }

  static Law of(String name, PongLaws.Spec spec) {
    if (spec instanceof PongLaws.ActionVelocity s) {
      return new ActionVelocity(name, s);
    } else if (spec instanceof PongLaws.KeepVelocity s) {
      return new KeepVelocity(name, s);
    } else if (spec instanceof PongLaws.Bounce s) {
      return new Bounce(name, s);
    } else if (spec instanceof PongLaws.HistoryAction s) {
      return new HistoryAction(name, s);
    } else if (spec instanceof PongLaws.Track s) {
      return new Track(name, s);
    } else if (spec instanceof PongLaws.Serve s) {
      return new Serve(name, s.speed());
    } else if (spec instanceof PongLaws.Jitter) {
      return new Jitter(name);
    } else if (spec instanceof PongLaws.Wobble) {
      return new Wobble(name);
    } else if (spec instanceof PongLaws.FreeFlight s) {
      return new FreeFlight(name, s.vertical());
    } else if (spec instanceof PongLaws.Score) {
      return new Score(name);
    } else if (spec instanceof PongLaws.Respawn) {
      return new Respawn(name);
    }
    throw new IllegalArgumentException("no hand-written law for " + spec);
  }

  private abstract static class Named implements Law {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override public final String name() {
      return name;
    }
  }

  static int slot(boolean vertical) {
    return vertical ? Slots.Y : Slots.X;
  }

  static int velocity(Frame f, int o, boolean vertical) {
    return vertical ? f.vy(o) : f.vx(o);
  }

  static final class ActionVelocity extends Named {
    private final int type;
    private final int[] actions;
    private final int slot;
    private final int value;

    ActionVelocity(String name, PongLaws.ActionVelocity s) {
      super(name);
      this.type = s.type();
      this.actions = s.actions().clone();
      this.slot = slot(s.vertical());
      this.value = s.value();
    }

    @Override public void apply(Frame f, OpinionSink out) {
      int action = f.action();
      for (int o : f.ofType(type)) {
        boolean match = false;
        for (int a : actions) {
          if (a == action) {
            match = true;
            break;
          }
        }
        if (match) {
          out.exact(o, slot, f.get(o, slot) + value);
        }
      }
    }
  }

  static final class KeepVelocity extends Named {
    private final int type;
    private final boolean vertical;
    private final int value;

    KeepVelocity(String name, PongLaws.KeepVelocity s) {
      super(name);
      this.type = s.type();
      this.vertical = s.vertical();
      this.value = s.value();
    }

    @Override public void apply(Frame f, OpinionSink out) {
      for (int o : f.ofType(type)) {
        if (velocity(f, o, vertical) == value) {
          out.exact(o, slot(vertical), f.get(o, slot(vertical)) + value);
        }
      }
    }
  }

  static final class Bounce extends Named {
    private final int other;
    private final int side;
    private final boolean vertical;
    private final boolean approachingNegative;
    private final int cover;

    Bounce(String name, PongLaws.Bounce s) {
      super(name);
      this.other = s.other();
      this.side = s.side();
      this.vertical = s.vertical();
      this.approachingNegative = s.approachingNegative();
      this.cover = s.coverPercent();
    }

    @Override public void apply(Frame f, OpinionSink out) {
      int[] others = f.ofType(other);
      for (int b : f.ofType(BALL)) {
        for (int o : others) {
          if (!Geometry.touching(f, b, o) || Geometry.side(f, b, o) != side
              || (cover > 0 && Geometry.cover(f, b, o) < cover)) {
            continue;
          }
          int v = velocity(f, b, vertical);
          if (approachingNegative ? v < 0 : v > 0) {
            out.exact(b, slot(vertical), f.get(b, slot(vertical)) - v);
          }
        }
      }
    }
  }

  static final class HistoryAction extends Named {
    private final int action;
    private final int before;
    private final int value;

    HistoryAction(String name, PongLaws.HistoryAction s) {
      super(name);
      this.action = s.action();
      this.before = s.before();
      this.value = s.value();
    }

    @Override public void apply(Frame f, OpinionSink out) {
      for (int p : f.ofType(PLAYER)) {
        if (f.action() == action && f.vyAt(p, 1) == before) {
          out.exact(p, Slots.Y, f.y(p) + value);
        }
      }
    }
  }

  static final class Track extends Named {
    private final boolean up;
    private final int gap;
    private final int speed;

    Track(String name, PongLaws.Track s) {
      super(name);
      this.up = s.up();
      this.gap = s.gap();
      this.speed = s.speed();
    }

    @Override public void apply(Frame f, OpinionSink out) {
      int[] balls = f.ofType(BALL);
      for (int e : f.ofType(ENEMY)) {
        int ecy = f.y(e) + f.h(e) / 2;
        for (int b : balls) {
          int bcy = f.y(b) + f.h(b) / 2;
          if (up ? bcy < ecy - gap : bcy > ecy + gap) {
            out.exact(e, Slots.Y, f.y(e) + (up ? -speed : speed));
          }
        }
      }
    }
  }

  static final class Serve extends Named {
    private final int speed;

    Serve(String name, int speed) {
      super(name);
      this.speed = speed;
    }

    @Override public void apply(Frame f, OpinionSink out) {
      for (int b : f.ofType(BALL)) {
        if (f.vx(b) == 0) {
          out.beginChoice(b, Slots.X);
          out.choice(f.x(b) - speed, 1.0);
          out.choice(f.x(b) + speed, 1.0);
          out.endChoice();
        }
      }
    }
  }

  static final class Jitter extends Named {
    Jitter(String name) {
      super(name);
    }

    @Override public void apply(Frame f, OpinionSink out) {
      for (int p : f.ofType(PLAYER)) {
        if (f.action() == 0) {
          int y = f.y(p);
          out.beginChoice(p, Slots.Y);
          out.choice(y, 0.8);
          out.choice(y + 1, 0.1);
          out.choice(y - 1, 0.1);
          out.endChoice();
        }
      }
    }
  }

  static final class Wobble extends Named {
    Wobble(String name) {
      super(name);
    }

    @Override public void apply(Frame f, OpinionSink out) {
      for (int e : f.ofType(ENEMY)) {
        if (f.vy(e) == 0) {
          out.range(e, Slots.Y, f.y(e) - 1, f.y(e) + 1);
        }
      }
    }
  }

  static final class FreeFlight extends Named {
    private final boolean vertical;

    FreeFlight(String name, boolean vertical) {
      super(name);
      this.vertical = vertical;
    }

    @Override public void apply(Frame f, OpinionSink out) {
      int[] all = f.all();
      for (int b : f.ofType(BALL)) {
        boolean touches = false;
        for (int o : all) {
          if (o != b && Geometry.touching(f, b, o)) {
            touches = true;
            break;
          }
        }
        if (!touches) {
          out.exact(b, slot(vertical), f.get(b, slot(vertical)) + velocity(f, b, vertical));
        }
      }
    }
  }

  static final class Score extends Named {
    Score(String name) {
      super(name);
    }

    @Override public void apply(Frame f, OpinionSink out) {
      int[] zones = f.ofType(ZONE);
      for (int b : f.ofType(BALL)) {
        for (int z : zones) {
          if (Geometry.touching(f, b, z)) {
            out.exact(b, Slots.ALIVE, 0);
          }
        }
      }
    }
  }

  static final class Respawn extends Named {
    Respawn(String name) {
      super(name);
    }

    @Override public void apply(Frame f, OpinionSink out) {
      if (f.ofType(BALL).length == 0) {
        out.spawn(BALL, 78, 118);
      }
    }
  }
}
