package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.lsp.internal.SemanticTokensFeature;
import dev.nomos.lsp.internal.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.nomos.lsp.internal.Workspace;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemanticTokensTest {
  @TempDir Path dir;
  Fixture fx;
  String text;
  List<String[]> decoded;

  /** A decoded token: text, type, modifier bits. */
  @BeforeEach
  void tokens() throws Exception {
    fx = new Fixture(dir);
    fx.write("pong_world.law", Fixture.sample("pong_world.law"));
    text = Fixture.sample("pong_laws.law");
    String uri = fx.open("pong_laws.law", text);
    SemanticTokens tokens = get(fx.docs().semanticTokensFull(new SemanticTokensParams(id(uri))));
    decoded = decode(tokens.getData());
  }

  private List<String[]> decode(List<Integer> data) {
    List<String[]> out = new ArrayList<>();
    int line = 0;
    int column = 0;
    for (int i = 0; i < data.size(); i += 5) {
      line += data.get(i);
      column = data.get(i) == 0 ? column + data.get(i + 1) : data.get(i + 1);
      int start = Texts.offset(text, new Position(line, column));
      String tokenText = text.substring(start, start + data.get(i + 2));
      List<String> mods = new ArrayList<>();
      for (int m = 0; m < SemanticTokensFeature.MODIFIERS.size(); m++) {
        if ((data.get(i + 4) & (1 << m)) != 0) {
          mods.add(SemanticTokensFeature.MODIFIERS.get(m));
        }
      }
      out.add(new String[] {tokenText, SemanticTokensFeature.TYPES.get(data.get(i + 3)), String.join(",", mods)});
    }
    return out;
  }

  private void assertToken(String tokenText, String type) {
    assertTrue(decoded.stream().anyMatch(t -> t[0].equals(tokenText) && t[1].equals(type)),
        tokenText + " as " + type);
  }

  @Test
  void aRangeGetsTheTokensOfItsLinesOnly() throws Exception {
    String uri = Workspace.uriOf(dir.resolve("pong_laws.law"));
    Range lines = new Range(new Position(5, 0), new Position(9, 0));
    List<Integer> data = get(fx.docs().semanticTokensRange(new SemanticTokensRangeParams(id(uri), lines))).getData();
    List<String[]> inRange = decode(data);
    List<String> expected = new ArrayList<>();
    int line = 0;
    List<Integer> full = get(fx.docs().semanticTokensFull(new SemanticTokensParams(id(uri)))).getData();
    for (int i = 0, j = 0; i < full.size(); i += 5, j++) {
      line += full.get(i);
      if (line >= 5 && line < 9) {
        expected.add(String.join("|", decoded.get(j)));
      }
    }
    assertTrue(expected.size() > 5, "the sample has tokens on lines 5 to 8");
    assertEquals(expected, inRange.stream().map(t -> String.join("|", t)).toList());
    assertTrue(data.get(0) >= 5, "the first token is placed relative to the start of the file");
  }

  @Test
  void theFloorWordIsAKeywordAndItsChannelsAreProperties() throws Exception {
    text = "use \"pong_world.law\"\n\nfloor {\n  x 0.001\n  spawn 0.02\n}\n";
    String uri = fx.open("floored.law", text);
    decoded = decode(get(fx.docs().semanticTokensFull(new SemanticTokensParams(id(uri)))).getData());
    assertToken("floor", "keyword");
    assertToken("x", "property");
    assertToken("spawn", "property");
    assertToken("0.001", "number");
  }

  @Test
  void jointChoicesHighlightChooseAndStayAsKeywords() throws Exception {
    text = "use \"pong_world.law\"\n\nlaw wander {\n  for b: Ball\n  then choose { stay weight 0.5 | b.vx := 1 weight 0.5 }\n}\n";
    String uri = fx.open("joint.law", text);
    decoded = decode(get(fx.docs().semanticTokensFull(new SemanticTokensParams(id(uri)))).getData());
    assertToken("choose", "keyword");
    assertToken("stay", "keyword");
    assertToken("b", "variable");
  }

  @Test
  void theWorldsTargetsArePropertiesAndOtherBareNamesAreNot() throws Exception {
    text = "use \"pong_world.law\"\n\nlaw scores {\n  on contact(b: Ball, k: Block)\n  then reward := k.points\n       end := true\n}\n";
    String uri = fx.open("scores.law", text);
    decoded = decode(get(fx.docs().semanticTokensFull(new SemanticTokensParams(id(uri)))).getData());
    assertToken("reward", "property");
    assertToken("end", "property");
    assertToken("points", "property");
  }

  @Test
  void theWordsOfACreationsProbabilityAreKeywordsOnlyThere() throws Exception {
    text = "use \"pong_world.law\"\n\nlaw drops {\n  for with: Ball\n"
        + "  then spawn Block at one_of((with.x, with.y), (with.x + 1, with.y)) with probability fitted 0.25\n}\n";
    String uri = fx.open("creation.law", text);
    decoded = decode(get(fx.docs().semanticTokensFull(new SemanticTokensParams(id(uri)))).getData());
    assertToken("probability", "keyword");
    assertToken("fitted", "keyword");
    assertToken("with", "keyword");
    assertToken("with", "variable");
    assertToken("one_of", "keyword");
    assertToken("0.25", "number");
  }

  @Test
  void everyTokenClassIsClassified() {
    assertToken("law", "keyword");
    assertToken("when", "keyword");
    assertToken("Ball", "type");
    assertToken("Object", "type");
    assertToken("b", "variable");
    assertToken("k", "variable");
    assertToken("vy", "property");
    assertToken("points", "property");
    assertToken("touching", "function");
    assertToken("clamp", "function");
    assertToken("ball_inertia", "function");
    assertToken("UP", "enumMember");
    assertToken("TOP", "enumMember");
    assertToken("locked", "enumMember");
    assertToken("0.5", "number");
    assertToken("2.5", "number");
    assertToken(":=", "operator");
    assertToken("\"pong_world.law\"", "string");
    assertToken("// Laws learned for Pong.", "comment");
    assertToken("/// The ball keeps its velocity.", "comment");
    assertToken("side", "parameter");
  }

  @Test
  void timeFormsAreClassified() throws Exception {
    text = "use \"pong_world.law\"\nlaw arc {\n  for b: Ball, w: Wall\n  when step % 4 == 0 and age(b) > 1\n"
        + "  then b.vy := seq(-2, 0) after touching(b, w)@-1\n}\n";
    String uri = fx.open("time.law", text);
    decoded = decode(get(fx.docs().semanticTokensFull(new SemanticTokensParams(id(uri)))).getData());
    assertToken("step", "keyword");
    assertToken("seq", "keyword");
    assertToken("after", "keyword");
    assertToken("age", "function");
    assertToken("touching", "function");
    assertToken("@", "operator");
  }

  @Test
  void modifiersMarkDeclarationsDocsAndReadonlyBuiltins() {
    assertTrue(decoded.stream().anyMatch(t -> t[0].startsWith("///") && t[2].contains("documentation")));
    assertTrue(decoded.stream().anyMatch(t -> t[0].equals("b") && t[2].contains("declaration")));
    assertTrue(decoded.stream().anyMatch(t -> t[0].equals("touching") && t[2].contains("defaultLibrary")));
    assertEquals(0, decoded.stream().filter(t -> t[0].equals("vy") && t[2].contains("readonly")).count(),
        "vy is a target");
  }

  @Test
  void tokensAreInDocumentOrderAndNeverOverlap() {
    SemanticTokens tokens = get(fx.docs().semanticTokensFull(new SemanticTokensParams(id(Fixture.id(
        dir.resolve("pong_laws.law").toUri().toString()).getUri()))));
    List<Integer> data = tokens.getData();
    int line = 0;
    int end = 0;
    for (int i = 0; i < data.size(); i += 5) {
      if (data.get(i) > 0) {
        line += data.get(i);
        end = 0;
      }
      assertTrue(data.get(i) > 0 || data.get(i + 1) >= 0);
      int column = data.get(i) > 0 ? data.get(i + 1) : end + data.get(i + 1);
      assertTrue(column >= end || data.get(i) > 0, "overlap at line " + line);
      end = column;
    }
    assertEquals(0, data.size() % 5);
  }
}
