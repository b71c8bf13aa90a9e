package dev.nomos.compiler.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Parser;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.grammar.NomosLexer;
import dev.nomos.runtime.model.ModelOptions;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

class LanguageDescriptorTest {
  static final LanguageDescriptor L = LanguageDescriptor.get();

  @Test
  void reservedWordsAreWhatTheLexerReserves() {
    for (String word : L.reservedWords()) {
      Token t = Parser.lexer(word, "word").nextToken();
      assertTrue(t.getType() != NomosLexer.ID, word + " lexes as a name");
    }
    for (String name : new String[] {"contact", "floor", "def", "enum", "Object", "x"}) {
      assertFalse(L.reservedWords().contains(name), name);
      assertEquals(NomosLexer.ID, Parser.lexer(name, "word").nextToken().getType(), name);
    }
    assertTrue(L.reservedWords().containsAll(java.util.List.of("law", "weighted", "choose", "int")));
    assertFalse(L.reservedWords().contains(":="));
  }

  @Test
  void limitsAreTheEnforcedOnes() {
    assertEquals(ModelOptions.MAX_WEIGHT, L.limits().maxWeight());
    assertEquals(dev.nomos.runtime.Frame.MAX_HISTORY, L.limits().maxHistory());
    assertEquals(dev.nomos.compiler.check.LawChecker.MAX_BOUND_OBJECTS, L.limits().maxBoundObjects());
    assertTrue(L.keywordDocs().get("weight").contains("-" + LanguageDescriptor.MAX_WEIGHT_TEXT + ".."));
  }

  @Test
  void theCheckerAcceptsWhatTheDescriptorCallsWritable() {
    String world = "world W { screen 10 x 10 velocity -1..1 actions NOOP entity B }\n";
    for (LanguageDescriptor.Attribute a : L.attributes()) {
      String value = a.type().equals("bool") ? "false" : "1";
      var c = dev.nomos.compiler.NomosCompiler.compile(java.util.List.of(new SourceFile("w.law",
          world + "law l { for b: B then b." + a.name() + " := " + value + " }\n")),
          dev.nomos.compiler.SourceResolver.inMemory(java.util.Map.of()));
      assertEquals(a.writable(), !c.hasErrors(), a.name() + ": " + c.diagnostics());
      var r = dev.nomos.compiler.NomosCompiler.compile(java.util.List.of(new SourceFile("r.law",
          world + "law l { for b: B when b." + a.name() + " == " + value + " then b.x := 1 }\n")),
          dev.nomos.compiler.SourceResolver.inMemory(java.util.Map.of()));
      assertEquals(a.readable(), !r.hasErrors(), a.name() + ": " + r.diagnostics());
    }
  }
}
