package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.check.LoweringTestWorld;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.source.SourceFile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pathological inputs get one clear diagnostic, never a StackOverflowError or a hang. The timeout
 * is only a guard against hanging (generous on purpose), not a speed target.
 */
class BigInputTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  private static List<Diagnostic> diagnosticsOf(String text) {
    return assertTimeoutPreemptively(HANG_GUARD, () ->
        NomosCompiler.compile(List.of(new SourceFile("big.law", text)), SourceResolver.none()).diagnostics());
  }

  @Test
  void tenThousandNestedParenthesesGiveOneNestingDiagnostic() {
    String text = LoweringTestWorld.TEXT + "law deep { for b: Ball then b.vy := " + "(".repeat(10_000) + "1"
        + ")".repeat(10_000) + " }";
    List<Diagnostic> d = diagnosticsOf(text);
    assertEquals(1, d.size(), () -> DiagnosticRenderer.render(d));
    assertEquals(Codes.NESTING_TOO_DEEP, d.get(0).code());
  }

  @Test
  void aTenMegabyteFileGivesOneSizeDiagnostic() {
    String text = "law a { for b: Ball then b.vx := b.vx }\n".repeat(10 * 1024 * 1024 / 40);
    List<Diagnostic> d = diagnosticsOf(text);
    assertEquals(1, d.size());
    assertEquals(Codes.SOURCE_TOO_LARGE, d.get(0).code());
    String rendered = DiagnosticRenderer.render(d);
    assertEquals("""
        big.law:1:1: error[N002]: source is 10485760 characters; the limit is 1048576
            1 | law a { for b: Ball then b.vx := b.vx }
              | ^
          = hint: split the laws over several files that `use` one world file
        """, rendered);
  }

  @Test
  void aTenMegabyteSingleLineIsCutInTheExcerpt() {
    String text = "x".repeat(10 * 1024 * 1024);
    List<Diagnostic> d = diagnosticsOf(text);
    assertEquals(List.of(Codes.SOURCE_TOO_LARGE), d.stream().map(Diagnostic::code).toList());
    assertTrue(DiagnosticRenderer.render(d).length() < 600);
  }

  @Test
  void aLongFlatOperatorChainGivesOneDiagnosticOrCompiles() {
    String chain = "1" + " + 1".repeat(100_000);
    List<Diagnostic> d = diagnosticsOf(LoweringTestWorld.TEXT + "law flat { for b: Ball then b.vx := " + chain + " }");
    assertTrue(d.size() <= 1, () -> DiagnosticRenderer.render(d));
    d.forEach(x -> assertTrue(x.code().equals(Codes.NESTING_TOO_DEEP) || x.code().equals(Codes.LITERAL_OUT_OF_RANGE),
        x::toString));
  }

  @Test
  void tenThousandNegationsGiveOneNestingDiagnostic() {
    List<Diagnostic> d = diagnosticsOf(LoweringTestWorld.TEXT + "law neg { for b: Ball when "
        + "not ".repeat(10_000) + "true then b.vx := 0 }");
    assertEquals(1, d.size(), () -> DiagnosticRenderer.render(d));
    assertEquals(Codes.NESTING_TOO_DEEP, d.get(0).code());
  }
}
