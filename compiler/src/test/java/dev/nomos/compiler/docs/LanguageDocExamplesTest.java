package dev.nomos.compiler.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole programs shown in docs/language.md stay valid: blocks that declare a world and laws
 * compile without errors, blocks of laws alone parse (their worlds live elsewhere).
 */
class LanguageDocExamplesTest {

  static List<String> programBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    StringBuilder current = null;
    for (String line : lines) {
      if (line.startsWith("```")) {
        if (current == null) {
          current = new StringBuilder();
        } else {
          blocks.add(current.toString());
          current = null;
        }
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    return blocks.stream().filter(LanguageDocExamplesTest::isProgram).toList();
  }

  /** A block whose first line of code opens a declaration (fragments such as `for b: Ball` are not). */
  static boolean isProgram(String block) {
    return block.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
        .findFirst().map(l -> l.startsWith("world ") || l.startsWith("law ") || l.startsWith("use ")).orElse(false);
  }

  @TestFactory
  Stream<DynamicTest> programsInTheReferenceAreValid() throws IOException {
    List<String> blocks = programBlocks(Files.readString(StdlibReferenceSyncTest.LANGUAGE_MD, StandardCharsets.UTF_8));
    assertTrue(blocks.size() >= 6, "expected the reference to show whole programs, found " + blocks.size());
    return blocks.stream().map(block -> DynamicTest.dynamicTest(block.lines().findFirst().orElse(""), () -> {
      SourceFile source = new SourceFile("language.md", block);
      ParseResult parsed = Parser.parse(source);
      assertFalse(parsed.hasErrors(), () -> DiagnosticRenderer.render(parsed.diagnostics()) + "\n" + block);
      boolean standalone = !parsed.unit().worlds().isEmpty() && parsed.unit().uses().isEmpty();
      if (standalone) {
        Compilation c = NomosCompiler.compile(List.of(source), SourceResolver.inMemory(Map.of()));
        assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()) + "\n" + block);
      }
    }));
  }
}
