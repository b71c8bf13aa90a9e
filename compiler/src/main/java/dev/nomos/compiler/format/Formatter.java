package dev.nomos.compiler.format;

import dev.nomos.compiler.ast.AttrDecl;
import dev.nomos.compiler.ast.Binder;
import dev.nomos.compiler.ast.Chance;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.DefDecl;
import dev.nomos.compiler.check.LawCases;
import dev.nomos.compiler.ast.FloorDecl;
import dev.nomos.compiler.ast.ConstraintDecl;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.Places;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.Target;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.compiler.ast.UseDecl;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.source.Span;
import dev.nomos.grammar.NomosLexer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints ASTs as canonical Nomos text: {@code use} lines, then one blank line between declarations;
 * world items one per line; laws as a header {@code law name [weight w] {}, one binder clause per
 * line, {@code when} on one line and the effects one per line aligned under the first one after
 * {@code then}; two-space indentation; lines over {@link #WIDTH} columns broken as {@link ExprLayout}
 * describes; the fewest parentheses that keep the meaning; {@code ///}
 * docs above their declarations and {@code //} comments kept where they were (see
 * {@link Comments} and {@link LineRenderer}). Parsing the output gives back the same AST, and formatting it again gives the
 * same text.
 *
 * <p>Numbers that carry decimals (weights, {@code cover}, weighted alternatives) keep their text as
 * written; only {@link #format(SourceUnit, Map)} writes new weights, with {@link #weightText}.
 */
public final class Formatter {
  /** Decimal places of weights written by {@link #format(SourceUnit, Map)}. */
  public static final int WEIGHT_DECIMALS = 6;

  /** Lines longer than this are broken at {@code and}/{@code or}, {@code else} and call arguments. */
  public static final int WIDTH = 100;

  private static final String INDENT = Line.INDENT;
  private static final ExprLayout LAYOUT = new ExprLayout(WIDTH);
  private static final String EFFECT_INDENT = INDENT + "     ";

  private Formatter() {}

  /** The whole file, canonically formatted, with its comments when {@code unit} was parsed from text. */
  public static String format(SourceUnit unit) {
    return format(unit, Map.of());
  }

  /**
   * The whole file with new weights: for every law named in {@code weights}, the weight becomes the
   * mapped value written with {@link #weightText}, or is removed when the value is null. Laws not in
   * the map keep the weight they have.
   *
   * @throws IllegalArgumentException if a weight is negative, infinite or NaN
   */
  public static String format(SourceUnit unit, Map<String, Double> weights) {
    return format(unit, weights, Set.of(), null);
  }

  /**
   * The whole file with new weights (as {@link #format(SourceUnit, Map)}) and without the laws named
   * in {@code omitted}. The comments of a law left out go with it: those inside it, the one trailing
   * its last line, and the block of comment lines right above it (no empty line between).
   *
   * @throws IllegalArgumentException if a weight is negative, infinite or NaN
   */
  public static String format(SourceUnit unit, Map<String, Double> weights, Set<String> omitted) {
    return format(unit, weights, omitted, null);
  }

  /**
   * As {@link #format(SourceUnit, Map, Set)} and, when {@code floor} is non-null, a floor declaring
   * exactly those values (each written with {@link #floorText}): the file's floor declaration takes
   * them, or one is added after the last declaration.
   */
  public static String format(SourceUnit unit, Map<String, Double> weights, Set<String> omitted,
      Map<String, Double> floor) {
    List<TopDecl> decls = new ArrayList<>(unit.decls());
    if (floor != null) {
      boolean replaced = false;
      for (int i = 0; i < decls.size(); i++) {
        if (decls.get(i) instanceof FloorDecl f) {
          decls.set(i, withValues(f, floor));
          replaced = true;
        }
      }
      if (!replaced) {
        decls.add(withValues(new FloorDecl(new Name("floor", Span.NONE), FITTED_FLOOR_DOC, List.of(), Span.NONE), floor));
      }
    }
    List<Line> lines = new ArrayList<>();
    Comments comments = unit.source() == null ? null : new Comments(unit.source().text());
    for (UseDecl u : unit.uses()) {
      boolean anchored = comments != null && fromSource(unit.source().text(), u.span(), "use");
      lines.add(new Line(0, "use " + quote(u.path()), anchor(u.span(), anchored), List.of(), false));
    }
    boolean first = true;
    TopDecl previous = null;
    List<Span> gone = new ArrayList<>();
    for (TopDecl d : decls) {
      if (d instanceof LawDecl law && (omitted.contains(law.name().text()) || LawCases.hasCases(law)
          && LawCases.instances(law).stream().allMatch(i -> omitted.contains(i.name())))) {
        if (comments != null && fromSource(unit.source().text(), d)) {
          gone.add(new Span(commentBlockAbove(unit.source().text(), d.span().start()), d.span().end(), 0, 0, 0, 0));
        }
        continue;
      }
      boolean blank = !first || !unit.uses().isEmpty();
      // A run of definitions reads as one block: no blank line between two unless the second has a doc.
      blank &= !(d instanceof DefDecl def && previous instanceof DefDecl && def.doc().isEmpty());
      first = false;
      previous = d;
      boolean anchored = comments != null && fromSource(unit.source().text(), d);
      if (d instanceof WorldDecl w) {
        world(lines, w, blank, anchored);
      } else if (d instanceof FloorDecl f) {
        floor(lines, f, blank, anchored);
      } else if (d instanceof ConstraintDecl c) {
        body(lines, "constraint " + c.name().text() + " {", c.asLaw(), Formatter::requirement, blank,
            anchored ? comments : null, anchored);
      } else if (d instanceof DefDecl def) {
        definition(lines, def, blank, anchored);
      } else {
        LawDecl law = (LawDecl) d;
        law(lines, law, headerWeight(law, weights, omitted), blank, anchored ? comments : null, anchored);
      }
    }
    List<Comments.Comment> found = comments == null ? List.of() : comments.comments(docStarts(unit));
    if (!gone.isEmpty()) {
      found = found.stream().filter(c -> gone.stream().noneMatch(g -> c.offset() >= g.start() && c.offset() < g.end()
          || c.trailing() && c.codeBefore() >= g.start() && c.codeBefore() < g.end())).toList();
    }
    return LineRenderer.render(lines, found);
  }

  /** Where the block of comment-only lines right above {@code offset} (a declaration's start) starts. */
  private static int commentBlockAbove(String text, int offset) {
    int start = text.lastIndexOf('\n', offset - 1) + 1;
    while (start > 0) {
      int previous = text.lastIndexOf('\n', start - 2) + 1;
      if (!text.substring(previous, start).strip().startsWith("//")) {
        break;
      }
      start = previous;
    }
    return start;
  }

  /** One law without comments, as a proposer or a prompt shows it (doc lines included). */
  public static String formatLaw(LawDecl law) {
    List<Line> lines = new ArrayList<>();
    law(lines, law, headerWeight(law, Map.of(), Set.of()), false, null, false);
    return LineRenderer.render(lines, List.of());
  }

  /** A floor declaration holding {@code values} (each written with {@link #floorText}), with its doc line. */
  public static String formatFloor(Map<String, Double> values) {
    List<Line> lines = new ArrayList<>();
    floor(lines, withValues(new FloorDecl(new Name("floor", Span.NONE), FITTED_FLOOR_DOC, List.of(), Span.NONE), values),
        false, false);
    return LineRenderer.render(lines, List.of());
  }

  /** An expression as it would appear in a {@code when} clause. */
  public static String formatExpr(Expr expr) {
    return ExprPrinter.print(expr);
  }

  /** One effect, as it would appear after {@code then}. */
  public static String formatEffect(Effect effect) {
    return effect(effect, -1);
  }

  /**
   * A weight as a literal the parser reads back to within 10^-6: {@value #WEIGHT_DECIMALS} decimal
   * places, rounded half-even, trailing zeros dropped but one decimal kept ({@code 2.0},
   * {@code 0.123457}).
   */
  public static String weightText(double weight) {
    if (Double.isNaN(weight) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("a weight must be a finite number, got " + weight);
    }
    BigDecimal d = new BigDecimal(weight).setScale(WEIGHT_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.scale() < 1) {
      d = d.setScale(1, RoundingMode.UNNECESSARY);
    }
    return d.toPlainString();
  }

  /**
   * A floor value as a literal: six significant digits in plain notation, at least one decimal
   * ({@code 0.0000123457}, {@code 0.15}, {@code 0.0}).
   */
  public static String floorText(double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException("a floor must be in [0, 1), got " + value);
    }
    BigDecimal d = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    if (d.scale() < 1) {
      d = d.setScale(1, RoundingMode.UNNECESSARY);
    }
    return d.toPlainString();
  }

  private static final String FITTED_FLOOR_DOC =
      "The weight of the uniform background mixed into each target, per channel (fitted by nomos fit).";

  private static FloorDecl withValues(FloorDecl f, Map<String, Double> values) {
    Map<String, FloorDecl.Item> old = new java.util.HashMap<>();
    for (FloorDecl.Item item : f.items()) {
      old.putIfAbsent(item.channel().text(), item);
    }
    List<FloorDecl.Item> items = new ArrayList<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      FloorDecl.Item before = old.get(e.getKey());
      Span span = before == null ? Span.NONE : before.span();
      Name channel = before == null ? new Name(e.getKey(), Span.NONE) : before.channel();
      items.add(new FloorDecl.Item(channel, e.getValue(), floorText(e.getValue()), span));
    }
    return new FloorDecl(f.name(), f.doc(), items, f.span());
  }

  // ---- declarations

  private static void floor(List<Line> lines, FloorDecl f, boolean blank, boolean anchored) {
    lines.add(new Line(0, f.name().text() + " {", anchor(f.span(), anchored), docLines(f.doc(), ""), blank));
    for (FloorDecl.Item item : f.items()) {
      lines.add(new Line(1, item.channel().text() + " " + item.valueText(), anchor(item.span(), anchored), List.of(),
          false));
    }
    lines.add(new Line(0, "}", anchored ? closingBrace(f.span()) : -1, List.of(), false));
  }

  /** {@code def name(p: T, ...) = body}, the body laid out like a guard after the head. */
  private static void definition(List<Line> lines, DefDecl d, boolean blank, boolean anchored) {
    String params = d.params().stream().map(p -> p.name().text() + ": " + p.type().text())
        .collect(Collectors.joining(", "));
    String head = d.keyword().text() + " " + d.name().text() + (d.parenthesized() ? "(" + params + ")" : "") + " = ";
    lines.add(new Line(0, head + LAYOUT.layout(d.body(), head.length()), anchor(d.span(), anchored),
        docLines(d.doc(), ""), blank));
  }

  private static void world(List<Line> lines, WorldDecl w, boolean blank, boolean anchored) {
    lines.add(new Line(0, "world " + w.name().text() + " {", anchor(w.span(), anchored), docLines(w.doc(), ""),
        blank));
    for (WorldItem item : w.items()) {
      List<String> doc = item instanceof WorldItem.Entity e ? docLines(e.doc(), INDENT)
          : item instanceof WorldItem.Enum en ? docLines(en.doc(), INDENT) : List.of();
      lines.add(new Line(1, worldItem(item), anchor(item.span(), anchored), doc, false));
    }
    lines.add(new Line(0, "}", anchored ? closingBrace(w.span()) : -1, List.of(), false));
  }

  private static String worldItem(WorldItem item) {
    if (item instanceof WorldItem.Screen s) {
      return "screen " + s.width() + " " + s.separator().text() + " " + s.height();
    }
    if (item instanceof WorldItem.Velocity v) {
      return "velocity " + v.min() + ".." + v.max();
    }
    if (item instanceof WorldItem.Actions a) {
      return "actions " + names(a.actions());
    }
    if (item instanceof WorldItem.Option o) {
      return o.name().text() + " " + o.value();
    }
    if (item instanceof WorldItem.Enum en) {
      return en.keyword().text() + " " + en.name().text() + " { " + names(en.symbols()) + " }";
    }
    WorldItem.Entity e = (WorldItem.Entity) item;
    if (e.attributes().isEmpty()) {
      return "entity " + e.name().text();
    }
    String attrs = e.attributes().stream().map(a -> a.name().text() + ": " + attrType(a.type()))
        .collect(Collectors.joining(", "));
    return "entity " + e.name().text() + " { " + attrs + " }";
  }

  private static String attrType(AttrDecl.Type t) {
    if (t instanceof AttrDecl.IntType i) {
      return i.min() == null || i.max() == null ? "int" : "int " + i.min() + ".." + i.max();
    }
    if (t instanceof AttrDecl.BoolType) {
      return "bool";
    }
    if (t instanceof AttrDecl.NamedType n) {
      return n.name().text();
    }
    return "{" + names(((AttrDecl.SymbolType) t).symbols()) + "}";
  }

  /** {@code  for T in {wall, door}, N in {1, 2}}, or "" for a law without cases. */
  private static String cases(LawDecl law) {
    if (law.cases() == null || law.cases().params().isEmpty()) {
      return "";
    }
    return " for " + law.cases().params().stream().map(p -> p.name().text() + " in {"
        + p.values().stream().map(LawCases::text).collect(Collectors.joining(", ")) + "}")
        .collect(Collectors.joining(", "));
  }

  /**
   * The weight text of a law's header: its own, or with new weights, for a law with cases the
   * weights of its instances in case order (one number when they agree; pruned instances at 0).
   */
  private static String headerWeight(LawDecl law, Map<String, Double> weights, Set<String> omitted) {
    if (law.cases() == null) {
      if (!weights.containsKey(law.name().text())) {
        return law.weightText();
      }
      Double w = weights.get(law.name().text());
      return w == null ? null : weightText(w);
    }
    List<String> written = law.cases().weightTexts();
    if (!LawCases.hasCases(law)) {
      return written.isEmpty() ? null : String.join(", ", written);
    }
    List<LawCases.Instance> instances = LawCases.instances(law);
    boolean refitted = instances.stream().anyMatch(i -> weights.containsKey(i.name()) || omitted.contains(i.name()));
    if (!refitted) {
      return written.isEmpty() ? null : String.join(", ", written);
    }
    List<String> texts = new ArrayList<>();
    for (LawCases.Instance i : instances) {
      Double w = omitted.contains(i.name()) ? Double.valueOf(0) : weights.get(i.name());
      texts.add(w != null ? weightText(w) : i.weightText() != null ? i.weightText() : weightText(1));
    }
    return texts.stream().distinct().count() == 1 ? texts.get(0) : String.join(", ", texts);
  }

  private static void law(List<Line> lines, LawDecl law, String weight, boolean blank, Comments comments,
      boolean anchored) {
    String header = "law " + law.name().text() + cases(law) + (weight == null ? "" : " weight " + weight) + " {";
    body(lines, header, law, Formatter::effect, blank, comments, anchored);
  }

  /** A law or a constraint (given as the law of its requirements): header, binders, guard, effects, brace. */
  private static void body(List<Line> lines, String header, LawDecl law, EffectPrinter printer, boolean blank,
      Comments comments, boolean anchored) {
    lines.add(new Line(0, header, anchor(law.span(), anchored), docLines(law.doc(), ""), blank));
    for (Binder b : law.binders()) {
      lines.add(new Line(1, binder(b), anchor(b.span(), anchored), List.of(), false));
    }
    if (law.guard() != null) {
      int at = keyword(comments, law.guard().span(), NomosLexer.WHEN);
      String when = "when ";
      lines.add(new Line(1, when + LAYOUT.layout(law.guard(), INDENT.length() + when.length()), at, List.of(), false));
    }
    List<Effect> effects = law.effects();
    for (int i = 0; i < effects.size(); i++) {
      Effect e = effects.get(i);
      if (i == 0) {
        int at = keyword(comments, e.span(), NomosLexer.THEN);
        lines.add(new Line(1, "then " + printer.print(e, EFFECT_INDENT.length()), at, List.of(), false));
      } else {
        lines.add(new Line(EFFECT_INDENT, printer.print(e, EFFECT_INDENT.length()), anchor(e.span(), anchored), List.of(),
            false));
      }
    }
    lines.add(new Line(0, "}", anchored ? closingBrace(law.span()) : -1, List.of(), false));
  }

  private static String binder(Binder b) {
    if (b instanceof Binder.For f) {
      return "for " + f.bindings().stream().map(ExprPrinter::binding).collect(Collectors.joining(", "));
    }
    Binder.Relation r = (Binder.Relation) b;
    StringBuilder sb = new StringBuilder("on ").append(r.relation().text()).append('(')
        .append(ExprPrinter.binding(r.first())).append(", ").append(ExprPrinter.binding(r.second()));
    for (Binder.RelationOption o : r.options()) {
      sb.append(", ").append(o.name().text()).append(": ").append(optionValue(o.value()));
    }
    return sb.append(')').toString();
  }

  private static String optionValue(Binder.OptionValue v) {
    if (v instanceof Binder.SymbolValue s) {
      return s.symbol().text();
    }
    if (v instanceof Binder.NumberValue n) {
      return n.text();
    }
    return "?"; // a hole, for the learner to fill
  }

  private interface EffectPrinter {
    String print(Effect e, int column);
  }

  /** A constraint's requirement ({@code p.cx == e} or {@code p.y in lo..hi}) starting at {@code column}. */
  private static String requirement(Effect e, int column) {
    if (e instanceof Effect.Assign a) {
      String head = target(a.target()) + " == ";
      return head + (column < 0 ? ExprPrinter.print(a.value()) : LAYOUT.layout(a.value(), column + head.length()));
    }
    Effect.Range r = (Effect.Range) e;
    // Bounds print as they do in `e in lo..hi`, parenthesised where they would not parse back.
    StringBuilder sb = new StringBuilder(target(r.target())).append(" in ");
    ExprPrinter.print(sb, r.low(), ExprPrinter.ADD, true);
    sb.append("..");
    ExprPrinter.print(sb, r.high(), ExprPrinter.IN_SET, true);
    return sb.toString();
  }

  /** An effect starting at {@code column}; a negative column keeps it on one line. */
  private static String effect(Effect e, int column) {
    if (e instanceof Effect.Assign a) {
      String head = target(a.target()) + " := ";
      return head + (column < 0 ? ExprPrinter.print(a.value()) : LAYOUT.layout(a.value(), column + head.length()));
    }
    if (e instanceof Effect.Sequence q) {
      String head = target(q.target()) + " := seq(" + exprs(q.values()) + ") after ";
      return head + (column < 0 ? ExprPrinter.print(q.trigger()) : LAYOUT.layout(q.trigger(), column + head.length()));
    }
    if (e instanceof Effect.OneOf o) {
      return target(o.target()) + " ~ one_of(" + exprs(o.values()) + ")";
    }
    if (e instanceof Effect.Range r) {
      return target(r.target()) + " ~ range(" + ExprPrinter.print(r.low()) + ", " + ExprPrinter.print(r.high()) + ")";
    }
    if (e instanceof Effect.Weighted w) {
      String alts = w.alternatives().stream().map(a -> ExprPrinter.print(a.value()) + ": "
              + (a.weightExpr() != null ? ExprPrinter.print(a.weightExpr()) : a.weightText()))
          .collect(Collectors.joining(", "));
      return target(w.target()) + " ~ weighted(" + alts + ")";
    }
    if (e instanceof Effect.Destroy d) {
      return "destroy " + d.object().text();
    }
    if (e instanceof Effect.Choose c) {
      return choose(c, column);
    }
    if (e instanceof Effect.Create c) {
      return "spawn " + c.type().text() + " at " + places(c.places()) + chance(c.chance());
    }
    Effect.Spawn s = (Effect.Spawn) e;
    return "spawn " + s.type().text() + " at (" + ExprPrinter.print(s.x()) + ", " + ExprPrinter.print(s.y()) + ")";
  }

  /**
   * {@code choose { a | b | c }} on one line when it fits in the line width, else one alternative
   * per line with the bars aligned under the brace.
   */
  private static String choose(Effect.Choose c, int column) {
    List<String> alts = new ArrayList<>();
    for (Effect.JointAlt alt : c.alternatives()) {
      String body = alt.stay() != null ? alt.stay().text()
          : alt.assignments().stream().map(a -> target(a.target()) + " := " + ExprPrinter.print(a.value()))
              .collect(Collectors.joining(", "));
      alts.add(alt.weighted() ? body + " weight " + alt.weightText() : body);
    }
    String flat = "choose { " + String.join(" | ", alts) + " }";
    if (column < 0 || column + flat.length() <= WIDTH) {
      return flat;
    }
    String bar = "\n" + " ".repeat(column + "choose ".length()) + "| ";
    return "choose { " + String.join(bar, alts) + " }";
  }

  private static String places(Places places) {
    if (places instanceof Places.Point p) {
      return place(p.place());
    }
    if (places instanceof Places.OneOf o) {
      return "one_of(" + o.places().stream().map(Formatter::place).collect(Collectors.joining(", ")) + ")";
    }
    if (places instanceof Places.Weighted w) {
      return "weighted(" + w.places().stream().map(p -> place(p.place()) + ": " + p.weightText())
          .collect(Collectors.joining(", ")) + ")";
    }
    Places.Range r = (Places.Range) places;
    return "range(" + place(r.low()) + ", " + place(r.high()) + ")";
  }

  private static String place(Places.Place p) {
    return "(" + ExprPrinter.print(p.x()) + ", " + ExprPrinter.print(p.y()) + ")";
  }

  private static String chance(Chance c) {
    if (c == null) {
      return "";
    }
    if (!c.fitted()) {
      return " with probability " + c.text();
    }
    return " with probability fitted" + (c.text() == null ? "" : " " + c.text());
  }

  private static String target(Target t) {
    return t.isWorld() ? t.attribute().text() : t.object().text() + "." + t.attribute().text();
  }

  private static String exprs(List<Expr> list) {
    return list.stream().map(ExprPrinter::print).collect(Collectors.joining(", "));
  }

  private static String names(List<Name> list) {
    return list.stream().map(Name::text).collect(Collectors.joining(", "));
  }

  private static String quote(String path) {
    return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static List<String> docLines(String doc, String indent) {
    if (doc == null || doc.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : doc.split("\n", -1)) {
      out.add(indent + (line.isEmpty() ? "///" : "/// " + line));
    }
    return out;
  }

  /** Offsets of the code tokens that carry doc comments (declarations and entities). */
  private static Set<Integer> docStarts(SourceUnit unit) {
    Set<Integer> starts = new HashSet<>();
    for (TopDecl d : unit.decls()) {
      if (!fromSource(unit.source().text(), d)) {
        continue;
      }
      starts.add(d.span().start());
      if (d instanceof WorldDecl w) {
        for (WorldItem item : w.items()) {
          if (item instanceof WorldItem.Entity || item instanceof WorldItem.Enum) {
            starts.add(item.span().start());
          }
        }
      }
    }
    return starts;
  }

  // ---- anchors

  private static int anchor(Span span, boolean anchored) {
    return !anchored || span == null || span.equals(Span.NONE) ? -1 : span.start();
  }

  /**
   * Whether a declaration was parsed from {@code text} (and not, say, built by a proposer or parsed
   * from another file): only then can its spans place the text's comments.
   */
  private static boolean fromSource(String text, TopDecl d) {
    Span span = d.span();
    String keyword = d instanceof WorldDecl ? "world" : d instanceof FloorDecl f ? f.name().text()
        : d instanceof ConstraintDecl ? "constraint" : d instanceof DefDecl def ? def.keyword().text() : "law";
    if (!fromSource(text, span, keyword)) {
      return false;
    }
    Span name = d.name().span();
    return (d instanceof DefDecl || text.charAt(span.end() - 1) == '}')
        && name.start() >= span.start() && name.end() <= span.end()
        && text.substring(name.start(), name.end()).equals(d.name().text());
  }

  private static boolean fromSource(String text, Span span, String keyword) {
    return span != null && !span.equals(Span.NONE) && span.end() <= text.length() && span.start() < span.end()
        && text.startsWith(keyword, span.start());
  }

  private static int closingBrace(Span span) {
    return span == null || span.equals(Span.NONE) ? -1 : Math.max(span.start(), span.end() - 1);
  }

  private static int keyword(Comments comments, Span next, int tokenType) {
    int at = anchor(next, comments != null);
    return comments == null || at < 0 ? at : comments.keywordBefore(at, tokenType);
  }
}
