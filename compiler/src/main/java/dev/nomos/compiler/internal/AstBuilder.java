package dev.nomos.compiler.internal;

import dev.nomos.compiler.ast.AttrDecl;
import dev.nomos.compiler.ast.Binder;
import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.ast.Chance;
import dev.nomos.compiler.ast.DefDecl;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.FloorDecl;
import dev.nomos.compiler.ast.ConstraintDecl;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.Places;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.compiler.ast.UseDecl;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import dev.nomos.grammar.NomosLexer;
import dev.nomos.grammar.NomosParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the immutable AST from an ANTLR parse tree. On a tree with syntax errors a declaration
 * that cannot be built whole is left out (the syntax diagnostics already say why); the rest stays,
 * so editors keep outline, hover and completion on a half-typed file.
 */
public final class AstBuilder {
  private final SourceFile source;
  private final BufferedTokenStream tokens;

  public AstBuilder(SourceFile source, BufferedTokenStream tokens) {
    this.source = source;
    this.tokens = tokens;
  }

  public SourceUnit build(FileContext file) {
    Span whole = source.span(0, source.text().length());
    if (file == null) {
      return new SourceUnit(source, List.of(), List.of(), whole);
    }
    List<UseDecl> uses = new ArrayList<>();
    for (UseDeclContext u : file.useDecl()) {
      if (u.STRING() != null) {
        String raw = u.STRING().getText();
        uses.add(new UseDecl(unquote(raw), span(u)));
      }
    }
    List<TopDecl> decls = new ArrayList<>();
    for (TopDeclContext d : file.topDecl()) {
      try {
        if (d.worldDecl() != null) {
          decls.add(world(d.worldDecl()));
        } else if (d.lawDecl() != null) {
          decls.add(law(d.lawDecl()));
        } else if (d.constraintDecl() != null) {
          decls.add(constraint(d.constraintDecl()));
        } else if (d.floorDecl() != null) {
          decls.add(floor(d.floorDecl()));
        } else if (d.defDecl() != null) {
          decls.add(definition(d.defDecl()));
        }
      } catch (RuntimeException incomplete) {
        // A declaration broken by a syntax error; its diagnostics are already reported.
      }
    }
    return new SourceUnit(source, uses, decls, whole);
  }

  private static String unquote(String raw) {
    String inner = raw.substring(1, raw.length() - 1);
    return inner.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  // ---- worlds

  private WorldDecl world(WorldDeclContext c) {
    List<WorldItem> items = new ArrayList<>();
    for (WorldItemContext item : c.worldItem()) {
      items.add(worldItem(item));
    }
    return new WorldDecl(name(c.name), doc(c.getStart()), items, span(c));
  }

  private WorldItem worldItem(WorldItemContext c) {
    if (c instanceof ScreenItemContext s) {
      return new WorldItem.Screen(integer(s.width), name(s.by), integer(s.height), span(s));
    }
    if (c instanceof VelocityItemContext v) {
      return new WorldItem.Velocity(signed(v.lo), signed(v.hi), span(v));
    }
    if (c instanceof ActionsItemContext a) {
      return new WorldItem.Actions(a.ID().stream().map(this::name).toList(), span(a));
    }
    if (c instanceof EnumItemContext en) {
      return new WorldItem.Enum(name(en.keyword), name(en.name), doc(en.getStart()),
          en.ID().subList(2, en.ID().size()).stream().map(this::name).toList(), span(en));
    }
    if (c instanceof OptionItemContext o) {
      return new WorldItem.Option(name(o.option), signed(o.value), span(o));
    }
    EntityItemContext e = (EntityItemContext) c;
    List<AttrDecl> attrs = new ArrayList<>();
    for (AttrDeclContext ad : e.attrDecl()) {
      attrs.add(new AttrDecl(name(ad.name), attrType(ad.attrType()), span(ad)));
    }
    return new WorldItem.Entity(name(e.name), doc(e.getStart()), attrs, span(e));
  }

  private AttrDecl.Type attrType(AttrTypeContext c) {
    if (c instanceof IntTypeContext i) {
      Integer lo = i.lo == null ? null : signed(i.lo);
      Integer hi = i.hi == null ? null : signed(i.hi);
      return new AttrDecl.IntType(lo, hi, span(i));
    }
    if (c instanceof BoolTypeContext b) {
      return new AttrDecl.BoolType(span(b));
    }
    if (c instanceof NamedTypeContext n) {
      return new AttrDecl.NamedType(name(n.name), span(n));
    }
    SymbolTypeContext s = (SymbolTypeContext) c;
    return new AttrDecl.SymbolType(s.ID().stream().map(this::name).toList(), span(s));
  }

  private int signed(SignedIntContext c) {
    long v = Long.parseLong(c.INT().getText());
    long signed = c.MINUS() != null ? -v : v;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, signed));
  }

  // ---- the floor

  private FloorDecl floor(FloorDeclContext c) {
    List<FloorDecl.Item> items = new ArrayList<>();
    for (FloorItemContext item : c.floorItem()) {
      String text = numberText(item.value);
      items.add(new FloorDecl.Item(name(item.channel), Double.parseDouble(text), text, span(item)));
    }
    return new FloorDecl(name(c.keyword), doc(c.getStart()), items, span(c));
  }

  // ---- definitions

  private DefDecl definition(DefDeclContext c) {
    List<DefDecl.Param> params = new ArrayList<>();
    for (DefParamContext p : c.defParam()) {
      params.add(new DefDecl.Param(name(p.name), name(p.type), span(p)));
    }
    return new DefDecl(name(c.keyword), name(c.name), doc(c.getStart()), params, c.LPAREN() != null, expr(c.body),
        span(c));
  }

  /**
   * A number's text without the tokens error recovery folded into its context: in {@code weight 1.0,
   * , 3.0} the second number's context also holds the stray comma. A context left with no digits at
   * all reads as 0; the syntax error is reported, so that value never reaches a model.
   */
  private static String numberText(ParserRuleContext c) {
    StringBuilder b = new StringBuilder();
    appendTokens(c, b);
    return b.toString().matches("-?[0-9]+(\\.[0-9]+)?") ? b.toString() : "0";
  }

  private static void appendTokens(ParseTree t, StringBuilder b) {
    if (t instanceof ErrorNode) {
      return;
    }
    if (t instanceof TerminalNode n) {
      b.append(n.getText());
      return;
    }
    for (int i = 0; i < t.getChildCount(); i++) {
      appendTokens(t.getChild(i), b);
    }
  }

  // ---- laws

  /** The law's cases, or null when it has none. A weight list without cases is the checker's to report. */
  private LawDecl.Cases cases(LawDeclContext c) {
    List<String> weights = c.signedNumber().stream().map(AstBuilder::numberText).toList();
    if (c.lawCases() == null) {
      return weights.size() > 1 ? new LawDecl.Cases(List.of(), weights, span(c.name)) : null;
    }
    List<LawDecl.Param> params = new ArrayList<>();
    for (LawCaseContext k : c.lawCases().lawCase()) {
      List<Expr> values = new ArrayList<>();
      for (CaseValueContext v : k.caseValue()) {
        values.add(v.ID() != null ? new Expr.NameRef(name(v.ID()), span(v)) : new Expr.IntLit(signed(v.signedInt()), span(v)));
      }
      params.add(new LawDecl.Param(name(k.name), values, span(k)));
    }
    return new LawDecl.Cases(params, weights, span(c.lawCases()));
  }

  private LawDecl law(LawDeclContext c) {
    Double weight = null;
    String weightText = null;
    if (c.weight != null) {
      weightText = numberText(c.weight);
      weight = Double.parseDouble(weightText);
    }
    List<Binder> binders = new ArrayList<>();
    for (BinderClauseContext b : c.binderClause()) {
      binders.add(binder(b));
    }
    Expr guard = c.whenClause() == null ? null : expr(c.whenClause().expr());
    List<Effect> effects = new ArrayList<>();
    for (EffectContext e : c.thenClause().effect()) {
      effects.add(effect(e));
    }
    return new LawDecl(name(c.name), doc(c.getStart()), weight, weightText, binders, guard, effects, span(c),
        cases(c));
  }

  private ConstraintDecl constraint(ConstraintDeclContext c) {
    List<Binder> binders = new ArrayList<>();
    for (BinderClauseContext b : c.binderClause()) {
      binders.add(binder(b));
    }
    Expr guard = c.whenClause() == null ? null : expr(c.whenClause().expr());
    List<Effect> requirements = new ArrayList<>();
    for (RequirementContext r : c.requirement()) {
      if (r instanceof EqualRequirementContext e) {
        requirements.add(new Effect.Assign(target(e.target()), expr(e.value), span(e)));
      } else {
        RangeRequirementContext range = (RangeRequirementContext) r;
        requirements.add(new Effect.Range(target(range.target()), expr(range.lo), expr(range.hi), span(range)));
      }
    }
    Span weightSpan = c.weight == null ? null : span(c.weight);
    return new ConstraintDecl(name(c.name), doc(c.getStart()), binders, guard, requirements, weightSpan, span(c));
  }

  private Binder binder(BinderClauseContext c) {
    if (c instanceof ForClauseContext f) {
      return new Binder.For(f.binding().stream().map(this::binding).toList(), span(f));
    }
    RelationClauseContext r = (RelationClauseContext) c;
    List<Binder.RelationOption> options = new ArrayList<>();
    for (RelationOptionContext o : r.relationOption()) {
      Binder.OptionValue value;
      if (o.value != null) {
        value = new Binder.SymbolValue(name(o.value), span(o.value));
      } else if (o.number() != null) {
        value = new Binder.NumberValue(Double.parseDouble(numberText(o.number())), numberText(o.number()), span(o.number()));
      } else {
        value = new Binder.HoleValue(span(o.HOLE().getSymbol()));
      }
      options.add(new Binder.RelationOption(name(o.name), value, span(o)));
    }
    return new Binder.Relation(name(r.relation), binding(r.binding(0)), binding(r.binding(1)), options, span(r));
  }

  private Binding binding(BindingContext c) {
    return new Binding(name(c.name), name(c.type), span(c));
  }

  private Effect effect(EffectContext c) {
    if (c instanceof AssignEffectContext a && a.SEQ() != null) {
      List<ExprContext> all = a.expr();
      List<Expr> values = all.subList(0, all.size() - 1).stream().map(this::expr).toList();
      return new Effect.Sequence(target(a.target()), values, expr(a.trigger), span(a));
    }
    if (c instanceof AssignEffectContext a) {
      return new Effect.Assign(target(a.target()), expr(a.expr(0)), span(a));
    }
    if (c instanceof OneOfEffectContext o) {
      return new Effect.OneOf(target(o.target()), o.expr().stream().map(this::expr).toList(), span(o));
    }
    if (c instanceof RangeEffectContext r) {
      return new Effect.Range(target(r.target()), expr(r.lo), expr(r.hi), span(r));
    }
    if (c instanceof WeightedEffectContext w) {
      List<Effect.WeightedAlt> alts = new ArrayList<>();
      for (WeightedAltContext alt : w.weightedAlt()) {
        if (alt.DECIMAL() != null) {
          String text = alt.DECIMAL().getText();
          alts.add(new Effect.WeightedAlt(expr(alt.value), Double.parseDouble(text), text, span(alt)));
          continue;
        }
        Expr weight = expr(alt.weight);
        if (weight instanceof Expr.IntLit lit && lit.value() >= 0 && alt.weight.getText().matches("[0-9]+")) {
          String text = alt.weight.getText();
          alts.add(new Effect.WeightedAlt(expr(alt.value), Double.parseDouble(text), text, span(alt)));
        } else {
          alts.add(new Effect.WeightedAlt(expr(alt.value), Double.NaN, null, weight, span(alt)));
        }
      }
      return new Effect.Weighted(target(w.target()), alts, span(w));
    }
    if (c instanceof DestroyEffectContext d) {
      return new Effect.Destroy(name(d.ID()), span(d));
    }
    if (c instanceof ChooseEffectContext ch) {
      List<Effect.JointAlt> alts = new ArrayList<>();
      for (JointAltContext alt : ch.jointAlt()) {
        List<Effect.Assign> assigns = new ArrayList<>();
        for (JointAssignContext a : alt.jointAssign()) {
          assigns.add(new Effect.Assign(target(a.target()), expr(a.expr()), span(a)));
        }
        String text = alt.weight == null ? null : numberText(alt.weight);
        alts.add(new Effect.JointAlt(alt.stay == null ? null : name(alt.stay), assigns,
            text == null ? 1.0 : Double.parseDouble(text), text, span(alt)));
      }
      return new Effect.Choose(alts, span(ch));
    }
    SpawnEffectContext s = (SpawnEffectContext) c;
    if (s.places == null && s.chance == null) {
      return new Effect.Spawn(name(s.type), expr(s.x), expr(s.y), span(s));
    }
    return new Effect.Create(name(s.type), places(s), chance(s.chance), span(s));
  }

  private Places places(SpawnEffectContext s) {
    if (s.places == null) {
      Token open = s.LPAREN().getSymbol();
      Span point = source.span(open.getStartIndex(), s.RPAREN().getSymbol().getStopIndex() + 1);
      return new Places.Point(new Places.Place(expr(s.x), expr(s.y), point), point);
    }
    if (s.places instanceof OneOfPlacesContext o) {
      return new Places.OneOf(o.place().stream().map(this::place).toList(), span(o));
    }
    if (s.places instanceof WeightedPlacesContext w) {
      List<Places.WeightedPlace> places = new ArrayList<>();
      for (WeightedPlaceContext p : w.weightedPlace()) {
        String text = numberText(p.weight);
        places.add(new Places.WeightedPlace(place(p.place()), Double.parseDouble(text), text, span(p)));
      }
      return new Places.Weighted(places, span(w));
    }
    RangePlacesContext r = (RangePlacesContext) s.places;
    return new Places.Range(place(r.lo), place(r.hi), span(r));
  }

  private Places.Place place(PlaceContext p) {
    return new Places.Place(expr(p.x), expr(p.y), span(p));
  }

  private Chance chance(SpawnChanceContext c) {
    if (c == null) {
      return null;
    }
    if (c.fitted != null) {
      String text = c.start == null ? null : numberText(c.start);
      return new Chance(true, text == null ? Double.NaN : Double.parseDouble(text), text, span(c));
    }
    String text = numberText(c.value);
    return new Chance(false, Double.parseDouble(text), text, span(c));
  }

  private dev.nomos.compiler.ast.Target target(TargetContext c) {
    return new dev.nomos.compiler.ast.Target(c.object == null ? null : name(c.object), name(c.attribute), span(c));
  }

  // ---- expressions

  /** The expression of a standalone condition (a planner goal); null when the parse failed. */
  public Expr condition(ConditionContext c) {
    return c == null || c.expr() == null ? null : expr(c.expr());
  }

  private Expr expr(ExprContext c) {
    if (c instanceof PrimaryExprContext p) {
      return primary(p.primary());
    }
    if (c instanceof NegateExprContext n) {
      Expr operand = expr(n.expr());
      // A negative literal is a literal, so `-5` formats and compares as written.
      if (operand instanceof Expr.IntLit lit) {
        return new Expr.IntLit(-lit.value(), span(n));
      }
      return new Expr.Unary(Expr.UnaryOp.NEGATE, operand, span(n));
    }
    if (c instanceof NotExprContext n) {
      return new Expr.Unary(Expr.UnaryOp.NOT, expr(n.expr()), span(n));
    }
    if (c instanceof MultiplyExprContext m) {
      Expr.BinaryOp op = switch (m.op.getType()) {
        case NomosLexer.STAR -> Expr.BinaryOp.MUL;
        case NomosLexer.SLASH -> Expr.BinaryOp.DIV;
        default -> Expr.BinaryOp.MOD;
      };
      return new Expr.Binary(op, expr(m.expr(0)), expr(m.expr(1)), span(m));
    }
    if (c instanceof AddExprContext a) {
      Expr.BinaryOp op = a.op.getType() == NomosLexer.PLUS ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUB;
      return new Expr.Binary(op, expr(a.expr(0)), expr(a.expr(1)), span(a));
    }
    if (c instanceof CompareExprContext cmp) {
      Expr.BinaryOp op = switch (cmp.op.getType()) {
        case NomosLexer.EQ -> Expr.BinaryOp.EQ;
        case NomosLexer.NE -> Expr.BinaryOp.NE;
        case NomosLexer.LT -> Expr.BinaryOp.LT;
        case NomosLexer.LE -> Expr.BinaryOp.LE;
        case NomosLexer.GT -> Expr.BinaryOp.GT;
        default -> Expr.BinaryOp.GE;
      };
      return new Expr.Binary(op, expr(cmp.expr(0)), expr(cmp.expr(1)), span(cmp));
    }
    if (c instanceof AndExprContext a) {
      return new Expr.Binary(Expr.BinaryOp.AND, expr(a.expr(0)), expr(a.expr(1)), span(a));
    }
    if (c instanceof OrExprContext o) {
      return new Expr.Binary(Expr.BinaryOp.OR, expr(o.expr(0)), expr(o.expr(1)), span(o));
    }
    if (c instanceof InSetExprContext s) {
      List<ExprContext> all = s.expr();
      List<Expr> elements = all.subList(1, all.size()).stream().map(this::expr).toList();
      return new Expr.InSet(expr(all.get(0)), elements, s.NOT() != null, span(s));
    }
    if (c instanceof InRangeExprContext r) {
      return new Expr.InRange(expr(r.expr(0)), expr(r.lo), expr(r.hi), r.NOT() != null, span(r));
    }
    IfExprContext i = (IfExprContext) c;
    return new Expr.If(expr(i.cond), expr(i.yes), expr(i.no), span(i));
  }

  private Expr primary(PrimaryContext c) {
    if (c instanceof IntLiteralContext i) {
      return new Expr.IntLit(integer(i.INT().getSymbol()), span(i));
    }
    if (c instanceof BoolLiteralContext b) {
      return new Expr.BoolLit(b.TRUE() != null, span(b));
    }
    if (c instanceof HoleLiteralContext h) {
      return new Expr.Hole(span(h));
    }
    if (c instanceof ActionRefContext a) {
      return new Expr.ActionRef(history(a.history()), span(a));
    }
    if (c instanceof AttributeRefContext a) {
      return new Expr.AttrRef(name(a.object), name(a.attribute), history(a.history()), span(a));
    }
    if (c instanceof CallExprContext call) {
      return new Expr.Call(name(call.function), call.expr().stream().map(this::expr).toList(),
          history(call.history()), span(call));
    }
    if (c instanceof StepRefContext st) {
      return new Expr.StepRef(span(st));
    }
    if (c instanceof NameRefContext n) {
      return new Expr.NameRef(name(n.ID()), span(n));
    }
    if (c instanceof ParenExprContext p) {
      Expr inner = expr(p.expr());
      return p.history() == null ? inner : new Expr.Earlier(inner, history(p.history()), span(p));
    }
    if (c instanceof ExistsExprContext e) {
      return new Expr.Exists(binding(e.binding()), e.expr() == null ? null : expr(e.expr()), span(e));
    }
    if (c instanceof CountTypeExprContext ct) {
      Expr count = new Expr.CountType(name(ct.type), source.span(ct.COUNT().getSymbol().getStartIndex(), ct.RPAREN().getSymbol().getStopIndex() + 1));
      return ct.history() == null ? count : new Expr.Earlier(count, history(ct.history()), span(ct));
    }
    if (c instanceof CountWhereExprContext cw) {
      return new Expr.CountWhere(binding(cw.binding()), expr(cw.expr()), span(cw));
    }
    HistoryAggregateExprContext h = (HistoryAggregateExprContext) c;
    Expr.Quantifier q = switch (h.quantifier.getType()) {
      case NomosLexer.ALL -> Expr.Quantifier.ALL;
      case NomosLexer.ANY -> Expr.Quantifier.ANY;
      default -> Expr.Quantifier.COUNT;
    };
    return new Expr.HistoryAggregate(q, name(h.var), integer(h.lo), integer(h.hi), expr(h.expr()), span(h));
  }

  private Expr.History history(HistoryContext c) {
    if (c == null) {
      return null;
    }
    Expr steps;
    if (c.INT() != null) {
      steps = new Expr.IntLit(integer(c.INT().getSymbol()), span(c.INT().getSymbol()));
    } else if (c.ID() != null) {
      steps = new Expr.NameRef(name(c.ID()), span(c.ID().getSymbol()));
    } else {
      steps = expr(c.expr());
    }
    return new Expr.History(steps, span(c));
  }

  // ---- leaves

  /** Integer literals saturate; the checker reports values outside the declared ranges. */
  private static int integer(Token t) {
    String text = t.getText();
    if (text.length() > 10) {
      return Integer.MAX_VALUE;
    }
    return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(text));
  }

  private Name name(Token t) {
    return new Name(t.getText(), span(t));
  }

  private Name name(TerminalNode n) {
    return name(n.getSymbol());
  }

  private Span span(ParserRuleContext c) {
    Token start = c.getStart();
    Token stop = c.getStop() == null ? start : c.getStop();
    int end = stop.getType() == Token.EOF ? stop.getStartIndex() : stop.getStopIndex() + 1;
    return source.span(start.getStartIndex(), Math.max(start.getStartIndex(), end));
  }

  private Span span(Token t) {
    return source.span(t.getStartIndex(), t.getStopIndex() + 1);
  }

  /** The {@code ///} lines directly above the declaration starting at {@code first}. */
  private String doc(Token first) {
    List<Token> hidden = tokens.getHiddenTokensToLeft(first.getTokenIndex(), NomosLexer.DOC);
    if (hidden == null) {
      return "";
    }
    return hidden.stream()
        .map(t -> t.getText().substring(3))
        .map(line -> line.startsWith(" ") ? line.substring(1) : line)
        .collect(Collectors.joining("\n"));
  }
}
