package dev.nomos.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.grammar.NomosLexer;
import dev.nomos.lsp.internal.Analysis;
import dev.nomos.lsp.internal.CompletionFeature;
import dev.nomos.lsp.internal.FittedWeights;
import dev.nomos.lsp.internal.HoverFeature;
import dev.nomos.lsp.internal.NavigationFeature;
import dev.nomos.lsp.internal.OutlineFeature;
import dev.nomos.lsp.internal.SemanticTokensFeature;
import dev.nomos.lsp.internal.SignatureHelpFeature;
import dev.nomos.lsp.internal.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * Every feature on every .law file of the repository: every identifier of a file the checker accepts
 * has the meaning the checker resolved (the compilation's reference map leaves no name out), and no
 * request fails on any prefix of any file (a file being typed).
 */
class ExamplesSmokeTest {

  @Test
  void theCheckerResolvesEveryIdentifierOfEveryFileItAccepts() throws Exception {
    List<String> unresolved = new ArrayList<>();
    int files = 0;
    for (Path file : TextMateGrammarTest.lawFiles()) {
      Workspace ws = new Workspace();
      String uri = Workspace.uriOf(file);
      String text = Files.readString(file);
      ws.open(uri, 1, text);
      Analysis a = ws.analysis(uri).orElseThrow();
      if (a.worldIdentity().isEmpty() || a.compilation().hasErrors()) {
        continue; // the checker rejects it: names may be unknown on purpose
      }
      files++;
      // Contextual words used as keywords (`floor`, `stay`, `with probability fitted`, `def`) name nothing.
      java.util.Set<Integer> keywords = dev.nomos.lsp.internal.SemanticTokensFeature.floorWords(a);
      for (Token t : a.tokens()) {
        if (t.getType() == NomosLexer.ID && !isScreenSeparator(a, t) && !keywords.contains(t.getStartIndex())
            && a.occurrences().stream().noneMatch(o -> o.span().start() == t.getStartIndex())) {
          unresolved.add(file.getFileName() + ":" + t.getLine() + ":" + t.getCharPositionInLine() + " " + t.getText());
        }
      }
    }
    assertTrue(files >= 2, "files checked: " + files);
    assertEquals(List.of(), unresolved.stream().limit(30).toList());
  }

  private static boolean isScreenSeparator(Analysis a, Token t) {
    return t.getText().equals("x") || t.getText().equals("by");
  }

  @Test
  void noFeatureFailsOnAnyPrefixOfAnyFile() throws Exception {
    HoverFeature hover = new HoverFeature(new FittedWeights());
    int requests = 0;
    for (Path file : TextMateGrammarTest.lawFiles()) {
      String text = Files.readString(file);
      Workspace ws = new Workspace();
      NavigationFeature nav = new NavigationFeature(ws);
      String uri = Workspace.uriOf(file);
      for (int cut = 0; cut <= text.length(); cut += Math.max(1, text.length() / 6)) {
        String prefix = text.substring(0, cut);
        ws.change(uri, cut, prefix);
        Analysis a = ws.analysis(uri).orElseThrow();
        SemanticTokensFeature.tokens(a);
        OutlineFeature.symbols(a);
        OutlineFeature.folding(a);
        for (int at = Math.max(0, cut - 10); at <= cut; at++) {
          CompletionFeature.complete(a, at);
          hover.hover(a, at);
          nav.definition(a, at);
          nav.prepareRename(a, at);
          SignatureHelpFeature.help(a, at);
          requests += 5;
        }
      }
    }
    assertTrue(requests > 300, "requests: " + requests);
  }
}
