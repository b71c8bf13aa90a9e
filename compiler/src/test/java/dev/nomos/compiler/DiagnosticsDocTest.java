package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.diag.Codes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md has a section for every code, so no code ships undocumented. */
class DiagnosticsDocTest {
  @Test
  void everyCodeIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("../docs/diagnostics.md"));
    for (String code : Codes.ALL) {
      assertTrue(doc.contains("### " + code + " — "), "docs/diagnostics.md lacks a section for " + code);
    }
  }
}
