package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nomos.compiler.ast.AttrDecl;
import dev.nomos.compiler.ast.Binder;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Node;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.source.SourceFile;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in examples (examples/<world>/*.law) and the hand-written DoorKey reference of the
 * external recordings (the one model whose data has shared symbol types) together use every
 * construct of the language. The expected set is derived from the AST's sealed hierarchies and
 * operator enums, so a construct added to the language fails this test until an example shows it.
 */
class ExamplesCoverTheLanguageTest {
  private static final Path EXAMPLES = Path.of("../examples");
  private static final List<String> BUILT_IN = List.of("pong", "breakout", "sokoban", "platformer", "keydoor", "time",
      "crossing", "invaders", "external/doorkey");
  /** Holes are legal only in a learner's candidates, never in a finished model. */
  private static final Set<String> LEARNER_ONLY = Set.of("Expr.Hole", "Binder.HoleValue");

  @Test
  void everyConstructAppearsInSomeExample() throws IOException {
    assumeTrue(Files.isDirectory(EXAMPLES), "no examples directory");
    Set<String> seen = new TreeSet<>();
    for (String world : BUILT_IN) {
      try (Stream<Path> files = Files.list(EXAMPLES.resolve(world))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".law")).sorted().toList()) {
          ParseResult parsed = Parser.parse(new SourceFile(file.toString(), Files.readString(file)));
          assertFalse(parsed.hasErrors(), file + ": " + parsed.diagnostics());
          collect(parsed.unit(), seen);
        }
      }
    }
    Set<String> expected = new TreeSet<>(expectedConstructs());
    expected.removeAll(seen);
    assertEquals(Set.of(), expected, "constructs no built-in example uses");
  }

  private static Set<String> expectedConstructs() {
    Set<String> all = new TreeSet<>();
    for (Class<?> sealed : List.of(Expr.class, Effect.class, Binder.class, Binder.OptionValue.class, WorldItem.class,
        AttrDecl.Type.class)) {
      for (Class<?> kind : sealed.getPermittedSubclasses()) {
        String name = sealed.getEnclosingClass() == null ? sealed.getSimpleName() : sealed.getEnclosingClass().getSimpleName();
        all.add(name + "." + kind.getSimpleName());
      }
    }
    for (Expr.BinaryOp op : Expr.BinaryOp.values()) {
      all.add("op " + op);
    }
    for (Expr.UnaryOp op : Expr.UnaryOp.values()) {
      all.add("op " + op);
    }
    for (Expr.Quantifier q : Expr.Quantifier.values()) {
      all.add("history " + q);
    }
    all.addAll(List.of("use", "law weight", "law doc", "entity doc", "world doc", "attribute history",
        "action history", "call history", "option side", "option cover", "negated in set", "negated in range", "for with two bindings",
        "exists without where"));
    all.removeAll(LEARNER_ONLY);
    return all;
  }

  private static void collect(SourceUnit unit, Set<String> seen) {
    if (!unit.uses().isEmpty()) {
      seen.add("use");
    }
    for (WorldDecl w : unit.worlds()) {
      if (!w.doc().isEmpty()) {
        seen.add("world doc");
      }
      walk(w, seen);
    }
    for (LawDecl law : unit.laws()) {
      if (law.weight() != null) {
        seen.add("law weight");
      }
      if (!law.doc().isEmpty()) {
        seen.add("law doc");
      }
      walk(law, seen);
    }
  }

  private static void walk(Object value, Set<String> seen) {
    if (value instanceof List<?> list) {
      list.forEach(v -> walk(v, seen));
      return;
    }
    if (!(value instanceof Node node)) {
      return;
    }
    Class<?> c = node.getClass();
    if (c.getEnclosingClass() != null) {
      seen.add(c.getEnclosingClass().getSimpleName() + "." + c.getSimpleName());
    }
    if (node instanceof Expr.Binary b) {
      seen.add("op " + b.op());
    } else if (node instanceof Expr.Unary u) {
      seen.add("op " + u.op());
    } else if (node instanceof Expr.HistoryAggregate h) {
      seen.add("history " + h.quantifier());
    } else if (node instanceof Expr.AttrRef a && a.history() != null) {
      seen.add("attribute history");
    } else if (node instanceof Expr.ActionRef a && a.history() != null) {
      seen.add("action history");
    } else if (node instanceof Expr.Call call && call.history() != null) {
      seen.add("call history");
    } else if (node instanceof Expr.InSet set && set.negated()) {
      seen.add("negated in set");
    } else if (node instanceof Expr.InRange r && r.negated()) {
      seen.add("negated in range");
    } else if (node instanceof Expr.Exists e && e.where() == null) {
      seen.add("exists without where");
    } else if (node instanceof Binder.RelationOption o) {
      seen.add("option " + o.name().text());
    } else if (node instanceof Binder.For f && f.bindings().size() > 1) {
      seen.add("for with two bindings");
    } else if (node instanceof WorldItem.Entity e && !e.doc().isEmpty()) {
      seen.add("entity doc");
    }
    for (RecordComponent rc : c.getRecordComponents()) {
      try {
        walk(rc.getAccessor().invoke(node), seen);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }
}
