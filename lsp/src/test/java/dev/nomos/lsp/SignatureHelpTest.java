package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureHelpTest {
  @TempDir Path dir;

  private SignatureHelp help(Fixture fx, String text) throws Exception {
    String uri = fx.open("a.law", text);
    return get(fx.docs().signatureHelp(new SignatureHelpParams(id(uri), fx.cursor)));
  }

  @Test
  void showsTheSignatureAndTheParameterBeingTyped() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      SignatureHelp h = help(fx, "law l { for b: Ball then b.vy := clamp(b.vy, min(1, 2), | }");
      assertEquals("clamp(v: int, lo: int, hi: int) -> int", h.getSignatures().get(0).getLabel());
      assertEquals(2, h.getActiveParameter());
      assertEquals("hi: int", h.getSignatures().get(0).getParameters().get(2).getLabel().getLeft());

      SignatureHelp inner = help(fx, "law l { for b: Ball then b.vy := clamp(b.vy, min(1, |), 3) }");
      assertEquals("min(a: int, b: int) -> int", inner.getSignatures().get(0).getLabel());
      assertEquals(1, inner.getActiveParameter());
    }
  }

  @Test
  void aBracedArgumentIsSteppedOver() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      SignatureHelp h = help(fx, "world W { actions L, R entity Ball }\n"
          + "law l { for b: Ball then b.vx := clamp(if action in {L, R} then 1 else 0, | }");
      assertEquals("clamp(v: int, lo: int, hi: int) -> int", h.getSignatures().get(0).getLabel());
      assertEquals(1, h.getActiveParameter(), "the comma inside {L, R} is not an argument's");

      SignatureHelp after = help(fx, "law l { for b: Ball then b.vx := min(if action in {L} then 1 else 0, |) }");
      assertEquals("min(a: int, b: int) -> int", after.getSignatures().get(0).getLabel());
      assertEquals(1, after.getActiveParameter());
    }
  }

  @Test
  void nothingOutsideACallOrInABinder() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      assertNull(help(fx, "law l { for b: Ball then b.vy := | }"));
      assertNull(help(fx, "law l { on contact(b: Ball, |) then b.vy := 0 }"));
      assertNull(help(fx, "law l { for b: Ball when action in {L, |} then b.vy := 0 }"));
    }
  }
}
