package dev.nomos.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example model formats to text that parses back to the same tree, and is a fixed point. */
class ExamplesFormatTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  @TestFactory
  Stream<DynamicTest> everyExampleRoundTrips() throws IOException {
    assumeTrue(Files.isDirectory(EXAMPLES), "no examples directory");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(EXAMPLES)) {
      files = walk.filter(p -> p.toString().endsWith(".law")).sorted().toList();
    }
    assumeTrue(!files.isEmpty(), "no example .law files");
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      ParseResult original = Parser.parse(new SourceFile(f.toString(), Files.readString(f)));
      assertFalse(original.hasErrors(), () -> f + " has syntax errors: " + original.diagnostics());
      String formatted = Formatter.format(original.unit());
      ParseResult again = Parser.parse(new SourceFile(f.toString(), formatted));
      assertFalse(again.hasErrors(), () -> "formatted " + f + " does not parse:\n" + formatted);
      assertEquals(AstShape.of(original.unit()), AstShape.of(again.unit()), () -> "formatting changed " + f);
      assertEquals(formatted, Formatter.format(again.unit()), () -> "formatting " + f + " is not idempotent");
    }));
  }
}
