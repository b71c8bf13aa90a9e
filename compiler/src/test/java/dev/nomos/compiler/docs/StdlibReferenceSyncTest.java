package dev.nomos.compiler.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.stdlib.Stdlib;
import dev.nomos.stdlib.StdlibFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the stdlib section of docs/language.md equal to what the registry generates. To regenerate
 * after changing the stdlib, run:
 * {@code ./mvnw -B -q test -pl compiler -am -Dtest=StdlibReferenceSyncTest -Dsurefire.failIfNoSpecifiedTests=false -Dnomos.docs.update=true}
 */
class StdlibReferenceSyncTest {
  static final Path LANGUAGE_MD = Path.of("..", "docs", "language.md");
  static final String REGENERATE = "./mvnw -B -q test -pl compiler -am -Dtest=StdlibReferenceSyncTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false -Dnomos.docs.update=true";

  @Test
  void languageReferenceHasTheGeneratedStdlibSection() throws IOException {
    String current = Files.readString(LANGUAGE_MD, StandardCharsets.UTF_8);
    String expected = StdlibReference.splice(current);
    if (Boolean.getBoolean("nomos.docs.update") && !expected.equals(current)) {
      Path temp = Files.createTempFile(LANGUAGE_MD.toAbsolutePath().getParent(), ".language.md.", ".tmp");
      Files.writeString(temp, expected, StandardCharsets.UTF_8);
      Files.move(temp, LANGUAGE_MD, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      current = expected;
    }
    assertEquals(expected, current, "docs/language.md's stdlib section is out of date with the stdlib registry; "
        + "regenerate it with: " + REGENERATE);
  }

  @Test
  void everyFunctionIsDocumentedWithItsSignature() {
    String md = StdlibReference.markdown();
    String text = StdlibReference.plainText();
    for (StdlibFunction f : Stdlib.all()) {
      assertTrue(md.contains("| `" + f.signature() + "` | "), f.name());
      assertTrue(text.contains(f.signature() + ": " + f.doc()), f.name());
    }
    assertEquals(Stdlib.all().size(), text.lines().count());
  }

  @Test
  void spliceReplacesOnlyTheMarkedSection() {
    String doc = "intro\n" + StdlibReference.BEGIN + "\nold\n" + StdlibReference.END + "\noutro\n";
    String spliced = StdlibReference.splice(doc);
    assertTrue(spliced.startsWith("intro\n" + StdlibReference.BEGIN + "\n| Function | Meaning |"), spliced);
    assertTrue(spliced.endsWith(StdlibReference.END + "\noutro\n"), spliced);
    assertTrue(!spliced.contains("old"), spliced);
    assertEquals(spliced, StdlibReference.splice(spliced));
    assertThrows(IllegalArgumentException.class, () -> StdlibReference.splice("no markers"));
  }
}
