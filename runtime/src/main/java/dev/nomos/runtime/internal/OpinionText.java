package dev.nomos.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * What one law said about one target of the frame last collected, as a short text for people: a
 * value ({@code = 3}), a set ({@code one of 2..4 | 7}) or a distribution ({@code {3: 0.25, 4: 0.75}}),
 * and the alternatives of its joint choices on an object. Reads the collector's opinions as they were
 * stored (after a choice's weights became features {@code f = nu + w}).
 */
public final class OpinionText {
  private static final double SAME = 1e-9;

  private OpinionText() {}

  /** The laws (indexes, ascending) with an opinion on {@code target}. */
  public static TreeSet<Integer> lawsOn(OpinionCollector c, int target) {
    TreeSet<Integer> laws = new TreeSet<>();
    for (int k = 0; k < c.count; k++) {
      if (c.target[k] == target) {
        laws.add(c.law[k]);
      }
    }
    return laws;
  }

  /** The laws (indexes, ascending) with a joint choice on {@code object}. */
  public static TreeSet<Integer> jointLawsOn(OpinionCollector c, int object) {
    TreeSet<Integer> laws = new TreeSet<>();
    for (int j = 0; j < c.joints; j++) {
      if (c.jointObject[j] == object) {
        laws.add(c.jointLaw[j]);
      }
    }
    return laws;
  }

  /** What {@code law} said about {@code target}; {@code names} writes a value of the target. */
  public static String describe(OpinionCollector c, int law, int target, IntFunction<String> names) {
    List<int[]> intervals = new ArrayList<>();
    List<Double> features = new ArrayList<>();
    for (int k = 0; k < c.count; k++) {
      if (c.target[k] == target && c.law[k] == law) {
        intervals.add(new int[] {c.lo[k], c.hi[k]});
        features.add(c.f[k]);
      }
    }
    if (intervals.isEmpty()) {
      return "";
    }
    double first = features.get(0);
    boolean flat = features.stream().allMatch(f -> Math.abs(f - first) < SAME);
    if (flat) {
      TreeSet<String> parts = new TreeSet<>();
      List<String> ordered = new ArrayList<>();
      intervals.sort((a, b) -> Integer.compare(a[0], b[0]));
      for (int[] i : intervals) {
        String text = i[0] == i[1] ? names.apply(i[0]) : names.apply(i[0]) + ".." + names.apply(i[1]);
        if (parts.add(text)) {
          ordered.add(text);
        }
      }
      return ordered.size() == 1 && !ordered.get(0).contains("..") ? "= " + ordered.get(0)
          : "one of " + String.join(" | ", ordered);
    }
    double nu = c.nu();
    double total = 0;
    for (int k = 0; k < intervals.size(); k++) {
      int[] i = intervals.get(k);
      total += ((double) i[1] - i[0] + 1) * Math.exp(features.get(k) - nu);
    }
    StringBuilder out = new StringBuilder("{");
    for (int k = 0; k < intervals.size(); k++) {
      int[] i = intervals.get(k);
      String value = i[0] == i[1] ? names.apply(i[0]) : names.apply(i[0]) + ".." + names.apply(i[1]);
      double each = Math.exp(features.get(k) - nu) / total;
      out.append(k == 0 ? "" : ", ").append(value).append(": ").append(String.format(Locale.ROOT, "%.2f", each));
    }
    return out.append('}').toString();
  }

  /**
   * The alternatives of {@code law}'s joint choices on {@code object}: each a tuple over the targets
   * it names with its share, {@code names} writing a value of a target.
   */
  public static String describeJoint(OpinionCollector c, int law, int object, TargetValueNames names) {
    StringBuilder out = new StringBuilder();
    for (int j = 0; j < c.joints; j++) {
      if (c.jointLaw[j] != law || c.jointObject[j] != object) {
        continue;
      }
      int from = c.jointTargetStart[j];
      int to = c.jointTargetStart[j + 1];
      double total = 0;
      for (int a = c.jointAltStart[j]; a < c.jointAltStart[j + 1]; a++) {
        total += Math.exp(c.altF[a] - c.nu());
      }
      out.append(out.length() == 0 ? "" : " ; ").append("joint {");
      for (int a = c.jointAltStart[j]; a < c.jointAltStart[j + 1]; a++) {
        out.append(a == c.jointAltStart[j] ? "" : ", ").append('(');
        for (int q = from; q < to; q++) {
          out.append(q == from ? "" : ", ").append(names.name(c.jointTarget[q], c.altValue[c.altValueStart[a] + q - from]));
        }
        out.append("): ").append(String.format(Locale.ROOT, "%.2f", Math.exp(c.altF[a] - c.nu()) / total));
      }
      out.append('}');
    }
    return out.toString();
  }

  /** Writes a value of a target for people. */
  public interface TargetValueNames {
    String name(int target, int value);
  }
}
