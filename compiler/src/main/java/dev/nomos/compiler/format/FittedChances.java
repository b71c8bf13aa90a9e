package dev.nomos.compiler.format;

import dev.nomos.compiler.ast.Chance;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.compiler.check.LawCases;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes fitted creation probabilities back into laws: the k-th {@code with probability fitted} of a
 * law (in the order its effects state them, as the checker numbers them) takes the k-th value of the
 * law's row, so that the next fit starts from it and a compiled model uses it.
 *
 * <p>A law with cases has one row per instance ({@code stays[Wall]}) but one text for all of them:
 * a probability is written where every instance fitted at that place agrees on it to the digits
 * written; where they differ no single number states them, so the text keeps its own value.
 */
public final class FittedChances {
  /** Significant digits of a written probability: small ones keep their precision. */
  private static final MathContext DIGITS = new MathContext(6);

  private FittedChances() {}

  /** {@code unit} with the fitted probabilities of {@code chances} (law name to values by ordinal; NaN keeps one). */
  public static SourceUnit apply(SourceUnit unit, Map<String, double[]> chances) {
    if (chances.isEmpty()) {
      return unit;
    }
    List<TopDecl> decls = new ArrayList<>();
    for (TopDecl d : unit.decls()) {
      double[] row = d instanceof LawDecl law ? row(law, chances) : null;
      decls.add(row == null ? d : apply((LawDecl) d, row));
    }
    return new SourceUnit(unit.source(), unit.uses(), decls, unit.span());
  }

  /** The values to write into {@code law}, or null when none were fitted. */
  private static double[] row(LawDecl law, Map<String, double[]> chances) {
    if (!LawCases.hasCases(law)) {
      return chances.get(law.name().text());
    }
    List<double[]> rows = LawCases.instances(law).stream().map(i -> chances.get(i.name()))
        .filter(r -> r != null).toList();
    if (rows.isEmpty()) {
      return null;
    }
    double[] agreed = new double[rows.stream().mapToInt(r -> r.length).max().orElse(0)];
    for (int k = 0; k < agreed.length; k++) {
      agreed[k] = agreed(rows, k);
    }
    return agreed;
  }

  /** The value the instances fitted at ordinal {@code k} when they all write it alike, else NaN. */
  private static double agreed(List<double[]> rows, int k) {
    double value = Double.NaN;
    for (double[] r : rows) {
      if (k >= r.length || Double.isNaN(r[k])) {
        continue;
      }
      if (!Double.isNaN(value) && !text(value).equals(text(r[k]))) {
        return Double.NaN;
      }
      value = Double.isNaN(value) ? r[k] : value;
    }
    return value;
  }

  private static LawDecl apply(LawDecl law, double[] values) {
    List<Effect> effects = new ArrayList<>();
    int ordinal = 0;
    for (Effect e : law.effects()) {
      if (e instanceof Effect.Create c && c.chance() != null && c.chance().fitted()) {
        int k = ordinal++;
        if (k < values.length && !Double.isNaN(values[k])) {
          Chance fitted = new Chance(true, values[k], text(values[k]), c.chance().span());
          e = new Effect.Create(c.type(), c.places(), fitted, c.span());
        }
      }
      effects.add(e);
    }
    return new LawDecl(law.name(), law.doc(), law.weight(), law.weightText(), law.binders(), law.guard(), effects,
        law.span(), law.cases());
  }

  /** A probability in (0, 1) as a plain decimal literal with six significant digits. */
  public static String text(double probability) {
    if (!(probability > 0 && probability < 1)) {
      throw new IllegalArgumentException("a probability must lie in (0, 1), got " + probability);
    }
    return new BigDecimal(probability).round(DIGITS).stripTrailingZeros().toPlainString();
  }
}
