package dev.nomos.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import dev.nomos.grammar.NomosLexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The VS Code TextMate grammar, run on every {@code .law} file of the repository (examples/ and
 * test resources): every non-blank character gets a real scope, and every token class appears.
 */
class TextMateGrammarTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path GRAMMAR = REPO.resolve("editors/vscode/syntaxes/nomos.tmLanguage.json");
  static TextMateGrammar grammar;

  enum TokenClass {
    KEYWORD, TYPE, VARIABLE, PROPERTY, FUNCTION, NUMBER, COMMENT, DOC_COMMENT, OPERATOR, SYMBOL;

    static TokenClass of(String scope) {
      if (scope.startsWith("comment.line.documentation")) {
        return DOC_COMMENT;
      }
      if (scope.startsWith("comment.")) {
        return COMMENT;
      }
      if (scope.startsWith("keyword.operator")) {
        return OPERATOR;
      }
      if (scope.startsWith("keyword.")) {
        return KEYWORD;
      }
      if (scope.startsWith("entity.name.type") || scope.startsWith("support.type") || scope.startsWith("storage.type")) {
        return TYPE;
      }
      if (scope.startsWith("variable.other.property")) {
        return PROPERTY;
      }
      if (scope.startsWith("variable.")) {
        return VARIABLE;
      }
      if (scope.startsWith("entity.name.function") || scope.startsWith("support.function")) {
        return FUNCTION;
      }
      if (scope.startsWith("constant.numeric")) {
        return NUMBER;
      }
      if (scope.startsWith("constant.other.symbol")) {
        return SYMBOL;
      }
      return null;
    }
  }

  @BeforeAll
  static void load() throws IOException {
    grammar = new TextMateGrammar(GRAMMAR);
  }

  static List<Path> lawFiles() throws IOException {
    try (Stream<Path> files = Files.walk(REPO)) {
      return files.filter(p -> p.toString().endsWith(".law") && Files.isRegularFile(p))
          .filter(p -> {
            String rel = REPO.relativize(p).toString().replace('\\', '/');
            return !rel.contains("/target/") && !rel.contains("node_modules/") && !rel.startsWith(".git/")
                && (rel.startsWith("examples/") || rel.contains("src/test/resources/"));
          })
          .sorted().toList();
    }
  }

  @Test
  void grammarIsTheVsCodeOneAndStaysInTheTestedSubset() throws IOException {
    assertEquals("source.nomos", grammar.scopeName);
    String pkg = Files.readString(REPO.resolve("editors/vscode/package.json"));
    assertTrue(pkg.contains("\"scopeName\": \"source.nomos\""), "package.json registers the grammar");
    assertTrue(pkg.contains("./syntaxes/nomos.tmLanguage.json"));
  }

  @Test
  void everyExampleIsFullyScopedAndEveryTokenClassAppears() throws IOException {
    List<Path> files = lawFiles();
    assertTrue(files.size() >= 2, "law files found: " + files);
    Set<TokenClass> seen = EnumSet.noneOf(TokenClass.class);
    List<String> unscoped = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file).replace("\r\n", "\n");
      List<List<String>> scopes = grammar.tokenize(text);
      assertEquals(text.length(), scopes.size());
      Set<Integer> invalid = invalidCharacters(text);
      for (int i = 0; i < text.length(); i++) {
        if (invalid.contains(i)) {
          continue;
        }
        List<String> here = scopes.get(i);
        here.stream().map(TokenClass::of).filter(c -> c != null).forEach(seen::add);
        boolean real = here.stream().anyMatch(s -> !s.startsWith("meta."));
        if (!Character.isWhitespace(text.charAt(i)) && !real && unscoped.size() < 20) {
          int line = (int) text.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
          unscoped.add(REPO.relativize(file) + ":" + line + ": '" + text.charAt(i) + "' in: "
              + text.split("\n", -1)[line - 1].trim());
        }
      }
    }
    if (!unscoped.isEmpty()) {
      fail("unscoped characters:\n" + String.join("\n", unscoped));
    }
    assertEquals(EnumSet.allOf(TokenClass.class), seen);
  }

  /** Characters the Nomos lexer itself rejects (error test files): no grammar scopes those. */
  private static Set<Integer> invalidCharacters(String text) {
    Set<Integer> invalid = new java.util.HashSet<>();
    NomosLexer lexer = new NomosLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getType() == NomosLexer.ERROR_CHAR) {
        invalid.add(t.getStartIndex());
      }
    }
    return invalid;
  }

  /** The scopes of the first occurrence of {@code token} at or after {@code after} in {@code text}. */
  private static List<String> scopesOf(String text, String after, String token) {
    int start = text.indexOf(token, text.indexOf(after));
    return grammar.tokenize(text).get(start);
  }

  @Test
  void tokensGetTheScopesAnEditorColoursBy() {
    String laws = Fixture.sample("pong_laws.law");
    assertTrue(scopesOf(laws, "law bounce", "bounce").contains("entity.name.function.law.nomos"));
    assertTrue(scopesOf(laws, "law bounce", "Wall").contains("entity.name.type.nomos"));
    assertTrue(scopesOf(laws, "law bounce", "TOP").contains("constant.other.symbol.nomos"));
    assertTrue(scopesOf(laws, "law bounce", "side").contains("variable.parameter.option.nomos"));
    assertTrue(scopesOf(laws, "law bounce", "touching").contains("support.function.nomos"));
    assertTrue(scopesOf(laws, "law bounce", "vy").contains("variable.other.property.nomos"));
    assertTrue(scopesOf(laws, "law paddle", "UPFIRE").contains("constant.other.symbol.nomos"));
    assertTrue(scopesOf(laws, "law paddle", "@").contains("keyword.operator.history.nomos"));
    assertTrue(scopesOf(laws, "law paddle", "one_of").contains("support.function.distribution.nomos"));
    assertTrue(scopesOf(laws, "law breaks", "count").contains("keyword.control.quantifier.nomos"));
    assertTrue(scopesOf(laws, "", "\"pong_world.law\"").contains("string.quoted.double.nomos"));

    String world = Fixture.sample("pong_world.law");
    assertTrue(scopesOf(world, "world", "Pong").contains("entity.name.type.world.nomos"));
    assertTrue(scopesOf(world, "velocity", "velocity").contains("keyword.other.nomos"));
    assertTrue(scopesOf(world, "actions", "DOWNFIRE").contains("constant.other.symbol.action.nomos"));
    assertTrue(scopesOf(world, "contact_gap", "contact_gap").contains("variable.other.property.option.nomos"));
    assertTrue(scopesOf(world, "entity Block", "points").contains("variable.other.property.declaration.nomos"));
    assertTrue(scopesOf(world, "entity Block", "locked").contains("constant.other.symbol.nomos"));
    assertTrue(scopesOf(world, "entity Block", "bool").contains("storage.type.nomos"));
    String floored = "use \"world.law\"\n\nfloor {\n  x 0.001\n}\n";
    assertTrue(scopesOf(floored, "", "floor").contains("keyword.control.floor.nomos"));
    assertTrue(scopesOf(floored, "floor", "0.001").contains("constant.numeric.nomos"));
    assertFalse(scopesOf(world, "/// The ball.", "ball").contains("variable.other.readwrite.nomos"),
        "doc comments are comments through to the end of the line");
  }
}
