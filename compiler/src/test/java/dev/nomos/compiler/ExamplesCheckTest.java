package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nomos.compiler.diag.DiagnosticRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example program of the repository checks without errors, so `nomos check examples/*&#47;*.law` exits 0. */
class ExamplesCheckTest {
  private static final Path EXAMPLES = Path.of("../examples");

  @TestFactory
  Stream<DynamicTest> everyExampleChecksClean() throws IOException {
    assumeTrue(Files.isDirectory(EXAMPLES), "no examples directory");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(EXAMPLES)) {
      files = walk.filter(p -> p.toString().endsWith(".law")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(EXAMPLES.relativize(f).toString(), () -> {
      Compilation c = NomosCompiler.compile(List.of(f));
      assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
      assertNotNull(c.schema());
      c.laws().forEach(l -> assertNotNull(l.plan(), l.name()));
      c.interpretedLaws();
    }));
  }
}
