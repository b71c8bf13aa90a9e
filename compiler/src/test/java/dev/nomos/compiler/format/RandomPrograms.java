package dev.nomos.compiler.format;

import dev.nomos.compiler.ast.AttrDecl;
import dev.nomos.compiler.ast.Binder;
import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.ast.Chance;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.DefDecl;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.Places;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.Target;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.compiler.ast.UseDecl;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random syntactically valid ASTs in the form the parser produces (negative literals folded, no
 * parenthesis nodes, identifiers that are not keywords), for round-trip properties. Names and
 * types need not make sense: the formatter works on syntax only.
 */
final class RandomPrograms {
  private static final String[] IDS = {"b", "w", "o", "k", "p", "Ball", "Wall", "UP", "TOP", "state", "x", "vy",
      "points", "a_1", "Object", "locked", "_z"};
  private static final String[] NUMBERS = {"0", "1", "2.5", "0.125", "10", "3.0", "0.5"};

  private final Random random;
  private final SourceFile none = new SourceFile("generated.law", "");

  RandomPrograms(long seed) {
    this.random = new Random(seed);
  }

  SourceUnit unit() {
    List<UseDecl> uses = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      uses.add(new UseDecl(pick("w.law", "../a b/\"q\".law", "x\\y.law"), Span.NONE));
    }
    List<TopDecl> decls = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      decls.add(switch (random.nextInt(6)) {
        case 0 -> world();
        case 1 -> definition();
        default -> law();
      });
    }
    return new SourceUnit(none, uses, decls, Span.NONE);
  }

  WorldDecl world() {
    List<WorldItem> items = new ArrayList<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      items.add(switch (random.nextInt(6)) {
        case 0 -> new WorldItem.Screen(random.nextInt(500), name("x"), random.nextInt(500), Span.NONE);
        case 1 -> new WorldItem.Velocity(-random.nextInt(40), random.nextInt(40), Span.NONE);
        case 2 -> new WorldItem.Actions(names(1 + random.nextInt(4)), Span.NONE);
        case 3 -> new WorldItem.Option(name(pick("contact_gap", "speed")), random.nextInt(9) - 4, Span.NONE);
        case 4 -> new WorldItem.Enum(name("enum"), name(id()), doc(), names(1 + random.nextInt(4)), Span.NONE);
        default -> entity();
      });
    }
    return new WorldDecl(name(id()), doc(), items, Span.NONE);
  }

  private WorldItem.Entity entity() {
    List<AttrDecl> attrs = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      AttrDecl.Type type = switch (random.nextInt(5)) {
        case 0 -> new AttrDecl.IntType(null, null, Span.NONE);
        case 4 -> new AttrDecl.NamedType(name(id()), Span.NONE);
        case 1 -> new AttrDecl.IntType(-random.nextInt(5), random.nextInt(300), Span.NONE);
        case 2 -> new AttrDecl.BoolType(Span.NONE);
        default -> new AttrDecl.SymbolType(names(1 + random.nextInt(3)), Span.NONE);
      };
      attrs.add(new AttrDecl(name(id()), type, Span.NONE));
    }
    return new WorldItem.Entity(name(id()), doc(), attrs, Span.NONE);
  }

  DefDecl definition() {
    List<DefDecl.Param> params = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      params.add(new DefDecl.Param(name(id()), name(pick("int", "bool", "Ball", "Object", "Color")), Span.NONE));
    }
    boolean parenthesized = !params.isEmpty() || random.nextBoolean();
    return new DefDecl(name("def"), name(id()), doc(), params, parenthesized, expr(3), Span.NONE);
  }

  LawDecl law() {
    String weightText = random.nextBoolean() ? null : pick(NUMBERS);
    Double weight = weightText == null ? null : Double.parseDouble(weightText);
    List<Binder> binders = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      binders.add(binder());
    }
    Expr guard = random.nextBoolean() ? expr(4) : null;
    List<Effect> effects = new ArrayList<>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      effects.add(effect());
    }
    LawDecl.Cases cases = null;
    if (random.nextInt(4) == 0) {
      // Cases, with no weight, one for all, or one per case (the first is the law's weight).
      List<LawDecl.Param> params = new ArrayList<>();
      int count = 1;
      for (int i = 1 + random.nextInt(2); i > 0; i--) {
        List<Expr> values = new ArrayList<>();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          values.add(random.nextBoolean() ? new Expr.IntLit(random.nextInt(7) - 3, Span.NONE)
              : new Expr.NameRef(name(id()), Span.NONE));
        }
        count *= values.size();
        params.add(new LawDecl.Param(name(id()), values, Span.NONE));
      }
      List<String> weights = new ArrayList<>();
      if (weightText != null) {
        weights.add(weightText);
        for (int i = random.nextBoolean() ? count - 1 : 0; i > 0; i--) {
          weights.add(pick(NUMBERS));
        }
      }
      cases = new LawDecl.Cases(params, weights, Span.NONE);
    }
    return new LawDecl(name(id()), doc(), weight, weightText, binders, guard, effects, Span.NONE, cases);
  }

  private Binder binder() {
    if (random.nextBoolean()) {
      List<Binding> bs = new ArrayList<>();
      for (int i = 1 + random.nextInt(2); i > 0; i--) {
        bs.add(binding());
      }
      return new Binder.For(bs, Span.NONE);
    }
    List<Binder.RelationOption> options = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      Binder.OptionValue v = switch (random.nextInt(3)) {
        case 0 -> new Binder.SymbolValue(name(id()), Span.NONE);
        case 1 -> {
          String text = pick(NUMBERS);
          yield new Binder.NumberValue(Double.parseDouble(text), text, Span.NONE);
        }
        default -> new Binder.HoleValue(Span.NONE);
      };
      options.add(new Binder.RelationOption(name(pick("side", "cover")), v, Span.NONE));
    }
    return new Binder.Relation(name("contact"), binding(), binding(), options, Span.NONE);
  }

  private Effect effect() {
    // Now and then a target of the world: a bare name (the parser accepts any; the checker knows two).
    Target t = random.nextInt(6) == 0 ? new Target(null, name(pick("reward", "end")), Span.NONE)
        : new Target(name(id()), name(id()), Span.NONE);
    return switch (random.nextInt(8)) {
      case 0 -> new Effect.Assign(t, expr(3), Span.NONE);
      case 7 -> choose();
      case 6 -> new Effect.Sequence(t, exprs(1 + random.nextInt(4), 1), expr(3), Span.NONE);
      case 1 -> new Effect.OneOf(t, exprs(1 + random.nextInt(3), 2), Span.NONE);
      case 2 -> new Effect.Range(t, expr(2), expr(2), Span.NONE);
      case 3 -> {
        List<Effect.WeightedAlt> alts = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          if (random.nextInt(3) == 0) {
            // A weight read at t; a literal int would read back as a plain weight, so none is generated.
            Expr weight = expr(2);
            alts.add(new Effect.WeightedAlt(expr(2), Double.NaN, null,
                weight instanceof Expr.IntLit ? new Expr.NameRef(name(id()), Span.NONE) : weight, Span.NONE));
            continue;
          }
          String w = pick(NUMBERS);
          alts.add(new Effect.WeightedAlt(expr(2), Double.parseDouble(w), w, Span.NONE));
        }
        yield new Effect.Weighted(t, alts, Span.NONE);
      }
      case 4 -> new Effect.Destroy(name(id()), Span.NONE);
      case 5 -> random.nextBoolean() ? new Effect.Spawn(name(id()), expr(2), expr(2), Span.NONE) : creation();
      default -> new Effect.Spawn(name(id()), expr(2), expr(2), Span.NONE);
    };
  }

  /** A joint choice: one to four alternatives, {@code stay} or one or two assignments, weighted all or none. */
  private Effect choose() {
    boolean weighted = random.nextBoolean();
    List<Effect.JointAlt> alts = new ArrayList<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      String w = weighted ? pick(NUMBERS) : null;
      double weight = w == null ? 1.0 : Double.parseDouble(w);
      if (random.nextInt(4) == 0) {
        alts.add(new Effect.JointAlt(name("stay"), List.of(), weight, w, Span.NONE));
        continue;
      }
      List<Effect.Assign> assigns = new ArrayList<>();
      for (int k = 1 + random.nextInt(2); k > 0; k--) {
        assigns.add(new Effect.Assign(new Target(name(id()), name(id()), Span.NONE), expr(2), Span.NONE));
      }
      alts.add(new Effect.JointAlt(null, assigns, weight, w, Span.NONE));
    }
    return new Effect.Choose(alts, Span.NONE);
  }

  /** {@code spawn T at places [with probability p | fitted [p]]}. */
  private Effect creation() {
    Places places = switch (random.nextInt(4)) {
      case 0 -> new Places.Point(place(), Span.NONE);
      case 1 -> new Places.OneOf(List.of(place(), place()), Span.NONE);
      case 2 -> {
        String w = pick(NUMBERS);
        yield new Places.Weighted(List.of(new Places.WeightedPlace(place(), Double.parseDouble(w), w, Span.NONE)), Span.NONE);
      }
      default -> new Places.Range(place(), place(), Span.NONE);
    };
    Chance chance = switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> new Chance(true, Double.NaN, null, Span.NONE);
      default -> {
        String p = pick("0.5", "0.0625", "0.001");
        yield new Chance(random.nextBoolean(), Double.parseDouble(p), p, Span.NONE);
      }
    };
    if (chance == null && places instanceof Places.Point) {
      chance = new Chance(false, 0.25, "0.25", Span.NONE);
    }
    return new Effect.Create(name(id()), places, chance, Span.NONE);
  }

  private Places.Place place() {
    return new Places.Place(expr(2), expr(2), Span.NONE);
  }

  Expr expr(int depth) {
    if (depth <= 0 || random.nextInt(4) == 0) {
      return leaf();
    }
    int d = depth - 1;
    switch (random.nextInt(16)) {
      case 0: {
        Expr operand = expr(d);
        if (operand instanceof Expr.IntLit) {
          return new Expr.Unary(Expr.UnaryOp.NOT, operand, Span.NONE);
        }
        return new Expr.Unary(random.nextBoolean() ? Expr.UnaryOp.NEGATE : Expr.UnaryOp.NOT, operand, Span.NONE);
      }
      case 1: case 2: case 3: case 4:
        return new Expr.Binary(pick(Expr.BinaryOp.values()), expr(d), expr(d), Span.NONE);
      case 5:
        return new Expr.InSet(expr(d), exprs(1 + random.nextInt(3), d), random.nextBoolean(), Span.NONE);
      case 6:
        return new Expr.InRange(expr(d), expr(d), expr(d), random.nextBoolean(), Span.NONE);
      case 7:
        return new Expr.If(expr(d), expr(d), expr(d), Span.NONE);
      case 8:
        return new Expr.Exists(binding(), random.nextBoolean() ? expr(d) : null, Span.NONE);
      case 9:
        return new Expr.CountWhere(binding(), expr(d), Span.NONE);
      case 10: {
        int lo = random.nextInt(5);
        return new Expr.HistoryAggregate(pick(Expr.Quantifier.values()), name(id()), lo, lo + random.nextInt(5), expr(d),
            Span.NONE);
      }
      case 11:
        return new Expr.Call(name(id()), exprs(random.nextInt(4), d),
            random.nextBoolean() ? null : new Expr.History(historySteps(d), Span.NONE), Span.NONE);
      case 12:
        return new Expr.AttrRef(name(id()), name(id()), new Expr.History(historySteps(d), Span.NONE), Span.NONE);
      case 13:
        return new Expr.ActionRef(new Expr.History(historySteps(d), Span.NONE), Span.NONE);
      case 14: {
        Expr quantifier = switch (random.nextInt(3)) {
          case 0 -> new Expr.Exists(binding(), random.nextBoolean() ? expr(d) : null, Span.NONE);
          case 1 -> new Expr.CountWhere(binding(), expr(d), Span.NONE);
          default -> new Expr.CountType(name(id()), Span.NONE);
        };
        return new Expr.Earlier(quantifier, new Expr.History(historySteps(d), Span.NONE), Span.NONE);
      }
      default:
        return new Expr.CountType(name(id()), Span.NONE);
    }
  }

  private Expr historySteps(int depth) {
    return switch (random.nextInt(3)) {
      case 0 -> new Expr.IntLit(random.nextInt(17), Span.NONE);
      case 1 -> new Expr.NameRef(name(id()), Span.NONE);
      default -> expr(depth);
    };
  }

  private Expr leaf() {
    return switch (random.nextInt(8)) {
      case 7 -> new Expr.StepRef(Span.NONE);
      case 0 -> new Expr.IntLit(random.nextInt(100), Span.NONE);
      case 1 -> new Expr.IntLit(-1 - random.nextInt(100), Span.NONE);
      case 2 -> new Expr.BoolLit(random.nextBoolean(), Span.NONE);
      case 3 -> new Expr.Hole(Span.NONE);
      case 4 -> new Expr.ActionRef(null, Span.NONE);
      case 5 -> new Expr.AttrRef(name(id()), name(id()), null, Span.NONE);
      default -> new Expr.NameRef(name(id()), Span.NONE);
    };
  }

  private List<Expr> exprs(int n, int depth) {
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(expr(depth));
    }
    return out;
  }

  private Binding binding() {
    return new Binding(name(id()), name(id()), Span.NONE);
  }

  private String doc() {
    return switch (random.nextInt(4)) {
      case 0 -> "A doc line.";
      case 1 -> "First line.\n\n  indented, /// with slashes ";
      default -> "";
    };
  }

  private List<Name> names(int n) {
    List<Name> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(name(id()));
    }
    return out;
  }

  private String id() {
    return pick(IDS);
  }

  private static Name name(String text) {
    return new Name(text, Span.NONE);
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
