package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.ast.Binder;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.source.SourceFile;
import org.junit.jupiter.api.Test;

class AstBuilderTest {
  private static ParseResult parse(String text) {
    return Parser.parse(new SourceFile("t.law", text));
  }

  @Test
  void worldItemsKeepTheirValuesAndDocs() {
    ParseResult r = parse("""
        /// A tiny world.
        world Tiny {
          screen 160 x 210
          velocity -30..30
          contact_gap 0
          actions NOOP, UP
          /// Doors open.
          entity Door { state: {open, closed}, hp: int 0..9, lit: bool }
        }
        """);
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    WorldDecl w = r.unit().worlds().get(0);
    assertEquals("A tiny world.", w.doc());
    assertEquals(new WorldItem.Screen(160, w.items().get(0) instanceof WorldItem.Screen s ? s.separator() : null,
        210, w.items().get(0).span()), w.items().get(0));
    WorldItem.Velocity v = (WorldItem.Velocity) w.items().get(1);
    assertEquals(-30, v.min());
    assertEquals(30, v.max());
    assertEquals(0, ((WorldItem.Option) w.items().get(2)).value());
    WorldItem.Entity door = (WorldItem.Entity) w.items().get(4);
    assertEquals("Doors open.", door.doc());
    assertEquals(3, door.attributes().size());
  }

  @Test
  void lawPartsAndPrecedence() {
    ParseResult r = parse("""
        law bounce weight 1.50 {
          on contact(b: Ball, w: Wall, side: TOP, cover: 0.5)
          when b.vy < 0 and not action in {UP} or b.x@-2 + 1 * 2 > -3
          then b.vy := -b.vy; destroy w
        }
        """);
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    LawDecl law = r.unit().laws().get(0);
    assertEquals(1.5, law.weight());
    assertEquals("1.50", law.weightText());
    Binder.Relation rel = (Binder.Relation) law.binders().get(0);
    assertEquals("contact", rel.relation().text());
    assertEquals(2, rel.options().size());
    Expr.Binary or = assertInstanceOf(Expr.Binary.class, law.guard());
    assertEquals(Expr.BinaryOp.OR, or.op());
    Expr.Binary and = assertInstanceOf(Expr.Binary.class, or.left());
    assertEquals(Expr.BinaryOp.AND, and.op());
    assertInstanceOf(Expr.Unary.class, and.right());
    Expr.Binary gt = assertInstanceOf(Expr.Binary.class, or.right());
    assertEquals(new Expr.IntLit(-3, gt.right().span()), gt.right());
    Expr.Binary sum = assertInstanceOf(Expr.Binary.class, gt.left());
    assertEquals(Expr.BinaryOp.ADD, sum.op());
    Expr.AttrRef past = assertInstanceOf(Expr.AttrRef.class, sum.left());
    assertEquals(2, ((Expr.IntLit) past.history().steps()).value());
    assertEquals(2, law.effects().size());
    assertInstanceOf(Effect.Destroy.class, law.effects().get(1));
  }

  @Test
  void spansPointAtTheSource() {
    ParseResult r = parse("law a {\n  for p: Player\n  then p.vy := 5\n}\n");
    LawDecl law = r.unit().laws().get(0);
    Effect.Assign assign = (Effect.Assign) law.effects().get(0);
    assertEquals(3, assign.span().line());
    assertEquals(8, assign.span().column());
    assertEquals(3, assign.target().attribute().span().line());
    assertEquals(10, assign.target().attribute().span().column());
    assertNull(law.guard());
  }

  @Test
  void syntaxErrorsBecomeDiagnosticsAndKeepGoodDeclarations() {
    ParseResult r = parse("""
        law good { for b: Ball then b.vx := b.vx }
        law bad { for b: Ball then b.vx := }
        """);
    assertTrue(r.hasErrors());
    assertEquals(Codes.SYNTAX, r.diagnostics().get(0).code());
    assertEquals(2, r.diagnostics().get(0).line());
    assertEquals("good", r.unit().laws().get(0).name().text());
  }

  @Test
  void deepNestingIsOneDiagnostic() {
    String deep = "law d { for b: Ball when " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " == 1 then b.vx := 1 }";
    ParseResult r = parse(deep);
    assertEquals(1, r.diagnostics().size());
    assertEquals(Codes.NESTING_TOO_DEEP, r.diagnostics().get(0).code());
  }

  @Test
  void positionsCountUtf16UnitsAfterCharactersOutsideTheBasicPlane() {
    String text = "// a ball \uD83C\uDFD3 in a comment\nlaw a { for p: Player then p.vy := 5 }\n";
    ParseResult r = parse(text);
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    Effect.Assign assign = (Effect.Assign) r.unit().laws().get(0).effects().get(0);
    assertEquals(text.indexOf("p.vy"), assign.span().start());
    assertEquals(2, assign.span().line());
    assertEquals(text.indexOf("p.vy") - text.indexOf("law") + 1, assign.span().column());
    ParseResult bad = parse("law b { for p: Player \uD83C\uDFD3 then p.vy := 5 }");
    assertEquals(23, bad.diagnostics().get(0).column());
  }
}
