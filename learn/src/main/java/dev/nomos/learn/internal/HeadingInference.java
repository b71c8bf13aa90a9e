package dev.nomos.learn.internal;

import dev.nomos.learn.Heading;
import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds heading attributes in trajectories: an attribute of a few values (an int range or a symbol
 * set) such that objects that moved along one axis moved toward a side fixed by the attribute's
 * value, with different values facing different sides. Evidence is counted over every transition,
 * whatever the action, so a heading that only one action uses still shows.
 */
public final class HeadingInference {
  /** Attributes with more values than this are positions or counters, not headings. */
  private static final int MAX_VALUES = 8;

  private HeadingInference() {}

  /** The headings the episodes show, at most one per entity type (the best supported). */
  public static List<Heading> infer(WorldSchema schema, List<Episode> episodes) {
    // moves[type][extra] maps a value to its move counts by side.
    Map<Long, Map<Integer, int[]>> moves = new HashMap<>();
    // steps[type] maps a step length to how often objects of the type moved that far along one axis.
    Map<Integer, Map<Integer, Integer>> steps = new HashMap<>();
    for (Episode episode : episodes) {
      List<Frame> frames = episode.frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        count(schema, frames.get(k), frames.get(k + 1), moves, steps);
      }
    }
    List<Heading> out = new ArrayList<>();
    for (EntityType type : schema.types()) {
      Heading best = null;
      int bestSupport = 0;
      for (int e = 0; e < type.extras().size(); e++) {
        Map<Integer, int[]> byValue = moves.get(key(type.index(), e));
        if (byValue == null) {
          continue;
        }
        int[] support = {0};
        int step = SideVotes.usualStep(steps.getOrDefault(type.index(), Map.of()));
        Heading h = heading(type, type.extras().get(e), byValue, step, support);
        if (h != null && support[0] > bestSupport) {
          best = h;
          bestSupport = support[0];
        }
      }
      if (best != null) {
        out.add(best);
      }
    }
    return out;
  }

  private static void count(WorldSchema schema, Frame a, Frame b, Map<Long, Map<Integer, int[]>> moves,
      Map<Integer, Map<Integer, Integer>> steps) {
    for (int i : a.all()) {
      EntityType type = schema.type(a.type(i));
      if (type.extras().isEmpty()) {
        continue;
      }
      int j = b.indexOfId(a.id(i));
      if (j < 0) {
        continue;
      }
      int side = SideVotes.sideOfMove(b.x(j) - a.x(i), b.y(j) - a.y(i));
      if (side < 0) {
        continue;
      }
      int length = Math.abs(b.x(j) - a.x(i)) + Math.abs(b.y(j) - a.y(i));
      steps.computeIfAbsent(type.index(), x -> new TreeMap<>()).merge(length, 1, Integer::sum);
      for (int e = 0; e < type.extras().size(); e++) {
        if (!candidate(type.extras().get(e))) {
          continue;
        }
        int value = a.get(i, Slots.FIRST_EXTRA + e);
        AttributeSpec spec = type.extras().get(e);
        if (value < spec.min() || value > spec.max()) {
          continue; // read from data the world does not declare: no law can name the value
        }
        moves.computeIfAbsent(key(type.index(), e), x -> new TreeMap<>())
            .computeIfAbsent(value, x -> new int[4])[side]++;
      }
    }
  }

  private static boolean candidate(AttributeSpec spec) {
    return spec.kind() != AttributeKind.BOOL && spec.supportSize() >= 2 && spec.supportSize() <= MAX_VALUES;
  }

  /**
   * The heading these counts show, or null when its values do not each face one side
   * ({@link SideVotes#read}).
   */
  private static Heading heading(EntityType type, AttributeSpec spec, Map<Integer, int[]> byValue, int step,
      int[] support) {
    SideVotes.Sides found = SideVotes.read(byValue);
    if (found == null) {
      return null;
    }
    Map<Integer, String> literals = new HashMap<>();
    for (Integer value : found.byKey().keySet()) {
      literals.put(value, Miner.value(spec, value));
    }
    support[0] = found.agreeing();
    return new Heading(type.name(), spec.name(), found.byKey(), literals, step);
  }

  private static long key(int type, int extra) {
    return ((long) type << 32) | extra;
  }
}
