package dev.nomos.compiler.check.internal;

import java.util.Collection;
import java.util.Locale;

/** Did-you-mean: the known name closest to a misspelt one, when it is close enough to be a typo. */
public final class Suggestions {
  private Suggestions() {}

  /** The best candidate, or null when none is plausibly what was meant. */
  public static String closest(String written, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.equals(written)) {
        continue;
      }
      int d = candidate.equalsIgnoreCase(written) ? 0 : distance(written.toLowerCase(Locale.ROOT),
          candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    // One-letter names are too short for a typo to be recognisable; only a case slip counts.
    int allowed = written.length() <= 1 ? 0
        : Math.max(1, Math.min(written.length(), best == null ? 0 : best.length()) / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("vyx" for "vxy"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
