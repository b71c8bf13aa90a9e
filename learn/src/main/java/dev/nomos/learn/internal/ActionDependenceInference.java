package dev.nomos.learn.internal;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The test behind {@link dev.nomos.learn.ActionDependence}: per entity type, a G-test of
 * independence between the action and what an object of the type does in the step (its move and
 * the new values of the attributes that changed, "nothing" included), over every object and
 * transition of the data. A type is independent of the action when it changed at least
 * {@link #MIN_CHANGES} times and the test finds no dependence at level {@link #LEVEL}. A type that
 * changes rarely (a box pushed a few times) is never called independent: too few changes cannot
 * show a dependence, so their silence means nothing. The G-test's p-value is too small on sparse
 * tables, which only ever keeps a type's action conditions.
 */
public final class ActionDependenceInference {
  static final int MIN_CHANGES = 30;
  static final double LEVEL = 0.01;

  private ActionDependenceInference() {}

  /** The names of the types whose changes {@code episodes} show independent of the action. */
  public static Set<String> independentTypes(WorldSchema schema, List<Episode> episodes) {
    int actions = schema.actions().size();
    List<Map<List<Integer>, long[]>> tables = new ArrayList<>();
    long[] changes = new long[schema.types().size()];
    for (int t = 0; t < schema.types().size(); t++) {
      tables.add(new HashMap<>());
    }
    for (Episode e : episodes) {
      List<Frame> frames = e.frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        Frame a = frames.get(k);
        Frame b = frames.get(k + 1);
        int action = a.action();
        if (action < 0 || action >= actions) {
          continue;
        }
        for (int i : a.all()) {
          int j = b.indexOfId(a.id(i));
          if (j < 0) {
            continue;
          }
          int type = a.type(i);
          List<Integer> outcome = outcome(schema.type(type), a, i, b, j);
          if (!outcome.isEmpty()) {
            changes[type]++;
          }
          tables.get(type).computeIfAbsent(outcome, o -> new long[actions])[action]++;
        }
      }
    }
    Set<String> independent = new TreeSet<>();
    for (EntityType type : schema.types()) {
      if (changes[type.index()] >= MIN_CHANGES && !dependent(tables.get(type.index()), actions)) {
        independent.add(type.name());
      }
    }
    return independent;
  }

  /** The move and the changed attributes' new values (slot, value pairs); empty when nothing changed. */
  private static List<Integer> outcome(EntityType type, Frame a, int i, Frame b, int j) {
    List<Integer> out = new ArrayList<>();
    int dx = b.x(j) - a.x(i);
    int dy = b.y(j) - a.y(i);
    if (dx != 0 || dy != 0) {
      out.addAll(Arrays.asList(Slots.X, dx, Slots.Y, dy));
    }
    for (int k = 0; k < type.extras().size(); k++) {
      int slot = Slots.FIRST_EXTRA + k;
      if (b.get(j, slot) != a.get(i, slot)) {
        out.add(slot);
        out.add(b.get(j, slot));
      }
    }
    return out;
  }

  /** Whether the G-test rejects independence of rows (outcomes) and columns (actions) at {@link #LEVEL}. */
  static boolean dependent(Map<List<Integer>, long[]> table, int actions) {
    long[] perAction = new long[actions];
    long total = 0;
    for (long[] row : table.values()) {
      for (int a = 0; a < actions; a++) {
        perAction[a] += row[a];
        total += row[a];
      }
    }
    int usedActions = (int) Arrays.stream(perAction).filter(n -> n > 0).count();
    int outcomes = table.size();
    int df = (usedActions - 1) * (outcomes - 1);
    if (df <= 0) {
      // One action or one outcome: nothing to compare, no sign of a dependence.
      return false;
    }
    double g = 0;
    for (long[] row : table.values()) {
      long rowTotal = Arrays.stream(row).sum();
      for (int a = 0; a < actions; a++) {
        if (row[a] > 0) {
          double expected = (double) rowTotal * perAction[a] / total;
          g += 2 * row[a] * Math.log(row[a] / expected);
        }
      }
    }
    double p = 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(g);
    return p < LEVEL;
  }
}
