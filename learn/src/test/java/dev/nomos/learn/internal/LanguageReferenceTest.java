package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.meaning.LanguageDescriptor;
import dev.nomos.stdlib.StdlibFunction;
import org.junit.jupiter.api.Test;

/** The prompt's reference says what the language's descriptor says. */
class LanguageReferenceTest {
  static final String TEXT = LanguageReference.text();

  @Test
  void everyFunctionAppearsWithTheStdlibsOwnSignature() {
    for (StdlibFunction f : LanguageDescriptor.get().functions()) {
      assertTrue(TEXT.contains("  " + f.signature() + "   " + f.doc()), f.signature());
    }
    assertTrue(TEXT.contains("touching(a: Object, b: Object) -> bool"), TEXT);
    assertFalse(TEXT.contains("a: object"), "parameter types are written as the stdlib writes them");
  }

  @Test
  void limitsAndAttributesComeFromTheDescriptor() {
    LanguageDescriptor.Limits limits = LanguageDescriptor.get().limits();
    assertTrue(TEXT.contains("up to\n" + limits.maxHistory() + " past frames"), TEXT);
    assertTrue(TEXT.contains("At most " + limits.maxBoundObjects() + " bound objects"), TEXT);
    for (LanguageDescriptor.Attribute a : LanguageDescriptor.get().attributes()) {
      assertTrue(TEXT.contains(a.name() + (a.name().equals("cy") ? "," : "")) || !a.readable(), a.name());
    }
    assertFalse(TEXT.contains("%"  + "d"), "every placeholder is filled");
    assertTrue(TEXT.contains("`step % 16 == 0`") && TEXT.contains("(+ - * / %)"), TEXT);
  }
}
