package dev.nomos.learn;

import dev.nomos.learn.internal.Clocks;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a world times by a clock, read off training data: per entity type, the beat its objects
 * move on (every k-th step) and the phase of that beat on the step index or on the object's own
 * age, the period of the step index on which its objects are created, and the age at which they
 * vanish. The proposer states these exactly ({@code step % 4 == 0}, {@code age(o) % 3 == 1},
 * {@code age(o) >= 5}); see {@code docs/learning.md}, "Clocks".
 */
public final class Timing {
  /**
   * A residue of a clock: {@code step % period == residue}, or {@code age(o) % period == residue}
   * when {@code byAge}.
   */
  public record Phase(boolean byAge, int period, int residue) {
    public Phase {
      if (period < 2 || residue < 0 || residue >= period) {
        throw new IllegalArgumentException("a phase needs a period of 2 or more and a residue below it, got "
            + residue + " of " + period);
      }
    }

    /** Whether the clock of object i of frame a shows the residue. */
    public boolean holds(Frame a, int i) {
      int clock = byAge ? a.age(i) : a.step();
      return clock >= 0 && clock % period == residue;
    }

    /** The condition that the clock shows the residue, for object {@code var}. */
    public String on(String var) {
      return clock(var) + " % " + period + " == " + residue;
    }

    /** The condition that it does not. */
    public String off(String var) {
      return clock(var) + " % " + period + " != " + residue;
    }

    /** A name fragment for laws: {@code tick_4_0}, {@code age_3_1}. */
    public String name() {
      return (byAge ? "age_" : "tick_") + period + "_" + residue;
    }

    private String clock(String var) {
      return byAge ? "age(" + var + ")" : "step";
    }
  }

  private final int[] beats;
  private final Phase[] movePhases;
  private final Phase[] creationPhases;
  private final int[] lifetimes;

  /**
   * @param beats per type, the beat of its moves (0 where none)
   * @param movePhases per type, the beat's phase on a clock, or null
   * @param creationPhases per type, the period its objects are created on, or null
   * @param lifetimes per type, the age its objects vanish at, or -1
   */
  public Timing(int[] beats, Phase[] movePhases, Phase[] creationPhases, int[] lifetimes) {
    int n = beats.length;
    if (movePhases.length != n || creationPhases.length != n || lifetimes.length != n) {
      throw new IllegalArgumentException("one entry per type in each array");
    }
    this.beats = beats.clone();
    this.movePhases = movePhases.clone();
    this.creationPhases = creationPhases.clone();
    this.lifetimes = lifetimes.clone();
  }

  /** The timing {@code episodes} show (see {@code docs/learning.md}). */
  public static Timing infer(WorldSchema schema, List<Episode> episodes) {
    List<Transition> transitions = new ArrayList<>();
    int index = 0;
    for (Episode e : episodes) {
      List<Frame> frames = e.frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        transitions.add(new Transition(index++, frames.get(k), frames.get(k + 1)));
      }
    }
    return Clocks.infer(schema, transitions);
  }

  /** The timing these transitions show. */
  public static Timing of(WorldSchema schema, List<Transition> transitions) {
    return Clocks.infer(schema, transitions);
  }

  public int beat(int type) {
    return beats[type];
  }

  public Phase movePhase(int type) {
    return movePhases[type];
  }

  public Phase creationPhase(int type) {
    return creationPhases[type];
  }

  public int lifetime(int type) {
    return lifetimes[type];
  }

  /** Whether nothing was found. */
  public boolean isEmpty() {
    return Arrays.stream(beats).allMatch(b -> b == 0) && Arrays.stream(creationPhases).allMatch(p -> p == null)
        && Arrays.stream(lifetimes).allMatch(l -> l < 0);
  }

  /** One line for people: {@code monsterNormal moves when step % 4 == 0; sword lasts 5 steps}. */
  public String describe(WorldSchema schema) {
    List<String> parts = new ArrayList<>();
    for (int t = 0; t < beats.length; t++) {
      String name = schema.type(t).name();
      if (movePhases[t] != null) {
        parts.add(name + " moves when " + movePhases[t].on("o").replace("(o)", ""));
      } else if (beats[t] > 0) {
        parts.add(name + " moves every " + beats[t] + " steps");
      }
      if (creationPhases[t] != null) {
        parts.add(name + " appears when " + creationPhases[t].on("o"));
      }
      if (lifetimes[t] >= 0) {
        parts.add(name + " lasts " + lifetimes[t] + " steps");
      }
    }
    return String.join("; ", parts);
  }
}
