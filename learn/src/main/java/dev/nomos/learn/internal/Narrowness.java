package dev.nomos.learn.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * How many conditions a law states, read off its source: its binder's contact, and each
 * {@code and}-ed term of its guard, where a disjunction counts as one condition (one statement
 * for several cases, as "the object in front" is for every heading) and a disjunction that says
 * on which side a side-less contact lies counts as the side it refines ({@code side: S} is part of
 * the contact). Among laws the training data cannot tell apart, the one stating fewer conditions
 * holds in more situations the data does not show.
 */
public final class Narrowness {
  private Narrowness() {}

  /** The conditions {@code source} (one law declaration, any layout) states. */
  public static int conditions(String source) {
    String text = source.replaceAll("\\s+", " ");
    int body = text.indexOf('{');
    int when = indexOfWord(text, "when", body);
    int then = indexOfWord(text, "then", Math.max(body, when));
    String binder = text.substring(Math.max(0, body + 1), when >= 0 ? when : then >= 0 ? then : text.length());
    boolean contact = binder.contains("on contact(");
    int n = contact ? 1 : 0;
    if (when >= 0 && then > when) {
      String guard = text.substring(when + 5, then).strip();
      n += terms(guard, contact && !binder.contains("side:"));
    }
    return n;
  }

  /** Conditions of an expression; {@code sideLess}: a disjunction naming the contact's side is free. */
  private static int terms(String expr, boolean sideLess) {
    String e = unwrap(expr.strip());
    List<String> ors = split(e, " or ");
    if (ors.size() > 1) {
      return sideLess && e.contains("side(o, u)") ? 0 : 1;
    }
    List<String> ands = split(e, " and ");
    if (ands.size() == 1) {
      return 1;
    }
    int n = 0;
    boolean sideTaken = false;
    for (String term : ands) {
      int t = terms(term, sideLess && !sideTaken);
      if (t == 0) {
        sideTaken = true;
      }
      n += t;
    }
    return n;
  }

  /** The expression without parentheses that enclose all of it. */
  private static String unwrap(String e) {
    while (e.startsWith("(") && closing(e, 0) == e.length() - 1) {
      e = e.substring(1, e.length() - 1).strip();
    }
    return e;
  }

  private static int closing(String e, int open) {
    int depth = 0;
    for (int k = open; k < e.length(); k++) {
      if (e.charAt(k) == '(') {
        depth++;
      } else if (e.charAt(k) == ')' && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  /**
   * The terms of {@code e} separated by {@code sep} outside parentheses; a term that starts a
   * quantifier ({@code exists v: T where ...}) runs to the end, as its condition does.
   */
  private static List<String> split(String e, String sep) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int k = 0; k < e.length(); k++) {
      char ch = e.charAt(k);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (depth == 0 && k == start && startsQuantifier(e, k)) {
        break;
      } else if (depth == 0 && e.startsWith(sep, k)) {
        out.add(e.substring(start, k));
        start = k + sep.length();
        k = start - 1;
      }
    }
    out.add(e.substring(start));
    return out;
  }

  private static boolean startsQuantifier(String e, int k) {
    return e.startsWith("exists ", k) || e.startsWith("not exists ", k) || e.startsWith("any ", k)
        || e.startsWith("all ", k);
  }

  private static int indexOfWord(String text, String word, int from) {
    int k = text.indexOf(" " + word + " ", Math.max(0, from));
    return k < 0 ? -1 : k + 1;
  }
}
