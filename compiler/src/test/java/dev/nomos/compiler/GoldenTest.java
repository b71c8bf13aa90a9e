package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: each {@code golden/Nxxx-name.law} is a bad program; its rendered diagnostics must
 * equal {@code Nxxx-name.expected} exactly and include code Nxxx. Run with
 * {@code NOMOS_UPDATE_GOLDEN=1} (or {@code -Dnomos.updateGolden=true}) to rewrite the baselines.
 * Files without a code prefix are helpers that the programs {@code use}; a program named
 * {@code Nxxx-candidate-*.law} is candidate text, checked against {@code world.law} as the learner does.
 */
class GoldenTest {
  static final Path DIR = Path.of("src/test/resources/golden");
  private static final Pattern NAME = Pattern.compile("(N\\d{3})-[a-z0-9-]+\\.law");

  static boolean updating() {
    return "1".equals(System.getenv("NOMOS_UPDATE_GOLDEN")) || Boolean.getBoolean("nomos.updateGolden");
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenProgramRendersItsBaseline() throws IOException {
    return programs().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    // `Nxxx-candidate-*.law` is candidate text, checked as the learner checks it against world.law.
    Compilation c = name.contains("-candidate-")
        ? NomosCompiler.checkCandidates(NomosCompiler.compile(List.of(DIR.resolve("world.law"))), text, name)
        : NomosCompiler.compile(List.of(new dev.nomos.compiler.source.SourceFile(name, text)),
            SourceResolver.fileSystem(DIR));
    String rendered = DiagnosticRenderer.render(c.diagnostics());
    Path expected = DIR.resolve(name.replace(".law", ".expected"));
    if (updating()) {
      Path tmp = Files.createTempFile(DIR, ".golden", ".tmp");
      Files.writeString(tmp, rendered, StandardCharsets.UTF_8);
      Files.move(tmp, expected, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    assertTrue(Files.exists(expected), "no baseline " + expected + "; run with NOMOS_UPDATE_GOLDEN=1");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), rendered, name);
    Matcher m = NAME.matcher(name);
    assertTrue(m.matches());
    assertTrue(rendered.contains("[" + m.group(1) + "]"), name + " does not produce " + m.group(1));
  }

  @Test
  void everyCodeHasAGoldenProgram() throws IOException {
    Set<String> covered = new TreeSet<>();
    programs().forEach(p -> {
      Matcher m = NAME.matcher(p.getFileName().toString());
      if (m.matches()) {
        covered.add(m.group(1));
      }
    });
    // N002 needs a source over 1 MiB; BigInputTest covers it instead of a huge baseline file.
    covered.add(Codes.SOURCE_TOO_LARGE);
    assertEquals(new TreeSet<>(Codes.ALL), covered);
  }

  private static Stream<Path> programs() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList().stream();
    }
  }
}
