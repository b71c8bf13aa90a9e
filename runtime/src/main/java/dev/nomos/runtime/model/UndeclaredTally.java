package dev.nomos.runtime.model;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.internal.Observations;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The metrics of objects whose types the world does not declare, per type name: the model never
 * predicts them, so a transition in which one appears is not exact, and each appearance costs what
 * {@link Observations} charges an unexplained new object.
 */
final class UndeclaredTally implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final double unexplained;
  /** Per type name: appearances, transitions where the type occurs, of those the ones without an appearance. */
  private final LinkedHashMap<String, long[]> counts = new LinkedHashMap<>();
  // Scratch space of add().
  private final HashSet<String> occurring = new HashSet<>();
  private final HashSet<String> appearing = new HashSet<>();

  UndeclaredTally(WorldSchema schema) {
    this.unexplained = Observations.unexplainedLogProbability(schema);
  }

  /** Counts one transition; true when an undeclared object appears in it (so the prediction misses it). */
  boolean add(Frame t, Frame next) {
    if (t.undeclaredCount() == 0 && next.undeclaredCount() == 0) {
      return false;
    }
    occurring.clear();
    appearing.clear();
    for (int k = 0; k < t.undeclaredCount(); k++) {
      occurring.add(t.undeclaredType(k));
    }
    for (int k = 0; k < next.undeclaredCount(); k++) {
      String type = next.undeclaredType(k);
      occurring.add(type);
      if (Observations.appears(t, next, k)) {
        appearing.add(type);
        counts.computeIfAbsent(type, x -> new long[3])[0]++;
      }
    }
    for (String type : occurring) {
      long[] c = counts.computeIfAbsent(type, x -> new long[3]);
      c[1]++;
      if (!appearing.contains(type)) {
        c[2]++;
      }
    }
    return !appearing.isEmpty();
  }

  /** Adds the counts of the transitions that follow these in the data. */
  void absorb(UndeclaredTally next) {
    next.counts.forEach((type, c) -> {
      long[] mine = counts.computeIfAbsent(type, x -> new long[3]);
      for (int i = 0; i < mine.length; i++) {
        mine[i] += c[i];
      }
    });
  }

  /** One entry per undeclared type seen, shaped like a declared type's (no attributes). */
  void addTo(Map<String, TypeEvaluation> perType, long transitions) {
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      perType.put(e.getKey(), new TypeEvaluation(
          transitions == 0 ? Double.NaN : -c[0] * unexplained / transitions,
          c[1] == 0 ? Double.NaN : (double) c[2] / c[1], c[1], Map.of()));
    }
  }
}
