package dev.nomos.compiler.format;

import dev.nomos.compiler.ast.Chance;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.TopDecl;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes fitted creation probabilities back into laws: the k-th {@code with probability fitted} of a
 * law (in the order its effects state them, as the checker numbers them) takes the k-th value of the
 * law's row, so that the next fit starts from it and a compiled model uses it.
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
      decls.add(d instanceof LawDecl law && chances.containsKey(law.name().text()) ? apply(law, chances.get(law.name().text())) : d);
    }
    return new SourceUnit(unit.source(), unit.uses(), decls, unit.span());
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
        law.span());
  }

  /** A probability in (0, 1) as a plain decimal literal with six significant digits. */
  public static String text(double probability) {
    if (!(probability > 0 && probability < 1)) {
      throw new IllegalArgumentException("a probability must lie in (0, 1), got " + probability);
    }
    return new BigDecimal(probability).round(DIGITS).stripTrailingZeros().toPlainString();
  }
}
