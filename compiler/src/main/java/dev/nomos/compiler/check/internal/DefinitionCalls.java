package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.ast.DefDecl;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.check.Definitions;
import dev.nomos.compiler.check.Definitions.Definition;
import dev.nomos.compiler.check.internal.ExprLowerer.Typed;
import dev.nomos.compiler.check.internal.LawContext.ObjectVar;
import dev.nomos.compiler.check.MeaningRecorder;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.source.Span;
import dev.nomos.runtime.WorldSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Definitions at their two checks: the body once, with each parameter standing for a value of its
 * type, and each use, where the arguments are checked against the parameters and the body is
 * lowered in their place. A use is an inline expansion: the body means what it would mean written
 * at the use (its {@code exists} skips the objects the law has bound there), but it sees only its
 * parameters, never the law's variables.
 */
public final class DefinitionCalls {
  private DefinitionCalls() {}

  /** Checks {@code def}'s body; its type, or ERROR when the body has errors (reported to {@code out}). */
  public static Ty checkBody(Definition def, Definitions defs, WorldSchema schema, List<Diagnostic> out,
      MeaningRecorder meaning) {
    LawContext cx = new LawContext(schema, def.source(), false, out);
    cx.recordTo(meaning);
    cx.useDefinitions(defs);
    Map<String, ObjectVar> objects = new LinkedHashMap<>();
    Map<String, Typed> values = new LinkedHashMap<>();
    List<DefDecl.Param> params = def.decl().params();
    for (int i = 0; i < params.size(); i++) {
      DefDecl.Param p = params.get(i);
      Ty t = def.params().get(i);
      if (t.kind() == Ty.Kind.OBJECT) {
        Binding binding = new Binding(p.name(), p.type(), p.span());
        objects.put(p.name().text(), cx.declareObject(binding, t.entityType(), true, def.decl().span()));
      } else {
        // A stand-in of the parameter's type: the body is checked, never run, with it.
        cx.declareValueParameter(p.name(), p.type().text(), def.decl().span());
        values.put(p.name().text(), new Typed(t, new PExpr.Const(0, t.planType())));
      }
    }
    int errorsBefore = cx.errorCount();
    cx.enterDefinition(def, objects, values);
    Typed body;
    try {
      body = new ExprLowerer(cx).lower(def.decl().body(), null);
    } finally {
      cx.exitDefinition();
    }
    for (ObjectVar v : objects.values()) {
      if (!v.used && !v.name.startsWith("_")) {
        cx.warning(Codes.UNUSED_BINDING, v.binding.variable().span(), "parameter `" + v.name + "` is never used",
            "remove it, or name it `_" + v.name + "` to keep it on purpose");
      }
    }
    if (cx.errorCount() > errorsBefore || !body.ok()) {
      return Ty.ERROR;
    }
    return body.type();
  }

  /**
   * A use of {@code def} with {@code args} at {@code use}: the body lowered with the arguments in
   * place of the parameters, or ERROR after reporting (at the use) what does not fit.
   */
  static Typed inline(ExprLowerer lower, LawContext cx, Definition def, List<Expr> args, Span use, Ty expected) {
    List<DefDecl.Param> params = def.decl().params();
    String name = def.name();
    if (args.size() != params.size()) {
      args.forEach(a -> lower.lower(a, null));
      cx.error(Codes.ARITY, use, "`" + name + "` takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
          + ", but " + args.size() + (args.size() == 1 ? " was" : " were") + " given",
          "the definition is `" + def.signature() + "`");
      return Typed.ERROR;
    }
    if (def.params().size() != params.size()) {
      // A parameter whose type did not resolve was reported at the definition; its uses say nothing more.
      args.forEach(a -> lower.lower(a, null));
      return Typed.ERROR;
    }
    Map<String, ObjectVar> objects = new LinkedHashMap<>();
    Map<String, Typed> values = new LinkedHashMap<>();
    boolean ok = true;
    for (int i = 0; i < params.size(); i++) {
      DefDecl.Param p = params.get(i);
      Ty want = def.params().get(i);
      Expr arg = args.get(i);
      String what = "argument `" + p.name().text() + "` of `" + name + "`";
      if (want.kind() == Ty.Kind.OBJECT) {
        ObjectVar v = objectArgument(lower, cx, arg, want, what);
        ok &= v != null;
        objects.put(p.name().text(), v);
      } else {
        Typed t = want.kind() == Ty.Kind.SYMBOL ? lower.expectComparable(arg, want, what) : lower.expect(arg, want, what);
        ok &= t.ok();
        values.put(p.name().text(), t);
      }
    }
    if (!ok || def.broken()) {
      return Typed.ERROR;
    }
    if (cx.inlining(def)) {
      // Only reachable through a cycle, which the definitions already reported.
      return Typed.ERROR;
    }
    int mark = cx.mark();
    int errorsBefore = cx.errorCount();
    cx.enterDefinition(def, objects, values);
    cx.silence();
    Typed body;
    try {
      body = lower.lower(def.decl().body(), expected);
    } finally {
      cx.unsilence();
      cx.exitDefinition();
    }
    cx.relocate(mark, use, "in this use of `" + name + "`: ");
    return cx.errorCount() > errorsBefore ? Typed.ERROR : body;
  }

  private static ObjectVar objectArgument(ExprLowerer lower, LawContext cx, Expr arg, Ty want, String what) {
    Typed t = lower.lower(arg, null);
    if (t.type().isError()) {
      return null;
    }
    if (t.type().kind() != Ty.Kind.OBJECT || !(arg instanceof Expr.NameRef n)) {
      cx.error(Codes.TYPE_MISMATCH, arg.span(), what + " must be a bound object, but `" + cx.text(arg.span())
          + "` is " + t.type().describe(cx.schema), "pass an object variable such as `a` (not `a.x`)");
      return null;
    }
    ObjectVar v = cx.lookupObject(n.name().text());
    if (want.entityType() != Loop.ANY_TYPE && v.type != want.entityType() && v.typeKnown) {
      cx.error(Codes.TYPE_MISMATCH, arg.span(), what + " must be " + want.describe(cx.schema) + ", but `"
          + n.name().text() + "` is " + t.type().describe(cx.schema),
          "pass a variable bound to " + cx.schema.type(want.entityType()).name()
              + ", or declare the parameter `Object` if any type will do");
      return null;
    }
    return v;
  }
}
