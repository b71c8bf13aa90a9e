package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.lsp.internal.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NavigationTest {
  @TempDir Path dir;
  Fixture fx;
  String worldUri;
  String worldText;

  @BeforeEach
  void world() throws Exception {
    fx = new Fixture(dir);
    worldText = Fixture.sample("pong_world.law");
    worldUri = fx.write("pong_world.law", worldText);
  }

  private String open(String text) throws Exception {
    return fx.open("laws.law", "use \"pong_world.law\"\n" + text);
  }

  private List<? extends Location> definition(String uri) {
    return get(fx.docs().definition(new DefinitionParams(id(uri), fx.cursor))).getLeft();
  }

  private List<? extends Location> references(String uri, boolean withDeclaration) {
    return get(fx.docs().references(new ReferenceParams(id(uri), fx.cursor, new ReferenceContext(withDeclaration))));
  }

  private String textAt(String text, Location l) {
    int start = Texts.offset(text, l.getRange().getStart());
    int end = Texts.offset(text, l.getRange().getEnd());
    return text.substring(start, end);
  }

  @Test
  void entityDefinitionIsInTheUsedWorldFile() throws Exception {
    String uri = open("law l { for b: Ba|ll then b.vy := 0 }");
    List<? extends Location> defs = definition(uri);
    assertEquals(1, defs.size());
    assertEquals(worldUri, defs.get(0).getUri());
    assertEquals(10, defs.get(0).getRange().getStart().getLine());
    assertEquals("Ball", textAt(worldText, defs.get(0)));
  }

  @Test
  void useLinksToTheWorldFile() throws Exception {
    String uri = fx.open("laws.law", "use \"pong_w|orld.law\"\nuse \"missing.law\"\nlaw l { for b: Ball then b.vy := 0 }");
    assertEquals(worldUri, definition(uri).get(0).getUri());
    var links = get(fx.docs().documentLink(new org.eclipse.lsp4j.DocumentLinkParams(id(uri))));
    assertEquals(1, links.size(), "no link to a file that does not exist");
    assertEquals(worldUri, links.get(0).getTarget());
    assertEquals(5, links.get(0).getRange().getStart().getCharacter());
    assertEquals(19, links.get(0).getRange().getEnd().getCharacter());
  }

  @Test
  void attributeAndSymbolDefinitions() throws Exception {
    String uri = open("law l { for k: Block when k.state == clo|sed then k.points := 1 }");
    assertEquals("closed", textAt(worldText, definition(uri).get(0)));
    String uri2 = open("law l { for k: Block then k.poi|nts := 1 }");
    assertEquals("points", textAt(worldText, definition(uri2).get(0)));
  }

  @Test
  void binderDefinitionIsItsBinding() throws Exception {
    String text = "use \"pong_world.law\"\nlaw l { on contact(b: Ball, w: Wall) when not exists o: Object where touching(b, o) and o != |w then b.vy := 0 }";
    String uri = fx.open("laws.law", text);
    Location def = definition(uri).get(0);
    assertEquals(uri, def.getUri());
    assertEquals(Texts.position(text.replace("|", ""), text.indexOf("w: Wall")), def.getRange().getStart());
  }

  @Test
  void quantifierVariablesAreScopedToTheirQuantifier() throws Exception {
    String text = "law l { for b: Ball when (exists o: Ball where touching(b, o)) and (exists o: Wall where touching(b, |o)) then b.vy := 0 }";
    String uri = open(text);
    Location def = definition(uri).get(0);
    String full = "use \"pong_world.law\"\n" + text.replace("|", "");
    assertEquals(Texts.position(full, full.indexOf("o: Wall")), def.getRange().getStart());
  }

  @Test
  void referencesOfAnEntityAcrossFiles() throws Exception {
    String uri = open("law a { for b: Ball then b.vy := 0 }\nlaw c { on contact(x: Ball, k: Block) then spawn Ba|ll at (1, 2) }");
    List<? extends Location> refs = references(uri, true);
    assertEquals(4, refs.size(), refs.toString());
    assertEquals(1, refs.stream().filter(l -> l.getUri().equals(worldUri)).count());
    assertEquals(3, references(uri, false).size());
  }

  @Test
  void referencesIncludeOtherLawFilesBesideTheWorld() throws Exception {
    fx.write("more.law", "use \"pong_world.law\"\nlaw m { for k: Block then k.points := k.points + 1 }\n");
    String uri = open("law l { for k: Block then k.poi|nts := 0 }");
    List<? extends Location> refs = references(uri, true);
    assertEquals(List.of("laws.law", "more.law", "more.law", "pong_world.law"), refs.stream()
        .map(l -> l.getUri().substring(l.getUri().lastIndexOf('/') + 1)).sorted((a, b) -> a.equals("laws.law") ? -1 : b.equals("laws.law") ? 1 : a.compareTo(b)).toList());
  }

  @Test
  void renameAnEntityEditsEveryFile() throws Exception {
    String uri = open("law l { for k: Bl|ock when count(Block) > 1 then destroy k }");
    assertTrue(get(fx.docs().prepareRename(new PrepareRenameParams(id(uri), fx.cursor))).isFirst());
    WorkspaceEdit edit = get(fx.docs().rename(new RenameParams(id(uri), fx.cursor, "Brick")));
    Map<String, List<TextEdit>> changes = edit.getChanges();
    assertEquals(2, changes.get(uri).size());
    assertEquals(1, changes.get(worldUri).size());
    assertTrue(changes.values().stream().flatMap(List::stream).allMatch(e -> e.getNewText().equals("Brick")));
  }

  @Test
  void renameABinderAndALawStayInTheirFile() throws Exception {
    String uri = open("law l { for |b: Ball when b.vy > 0 then b.vy := -b.vy }");
    WorkspaceEdit edit = get(fx.docs().rename(new RenameParams(id(uri), fx.cursor, "ball")));
    assertEquals(List.of(uri), List.copyOf(edit.getChanges().keySet()));
    assertEquals(4, edit.getChanges().get(uri).size());

    String uri2 = open("law bou|nce { for b: Ball then b.vy := 0 }");
    WorkspaceEdit lawEdit = get(fx.docs().rename(new RenameParams(id(uri2), fx.cursor, "rebound")));
    assertEquals(1, lawEdit.getChanges().get(uri2).size());
  }

  @Test
  void renameRefusesBuiltinsKeywordsAndClashes() throws Exception {
    String uri = open("law l { for b: Ball then b.v|y := 0 }");
    assertPrepareRefused(uri, "cannot rename here: 'vy' is defined by the language");
    assertRefused(uri, "speed", "defined by the language");

    String uri2 = open("law l { for |b: Ball then b.vy := 0 }");
    assertRefused(uri2, "when", "keyword");
    assertRefused(uri2, "9lives", "not a name");

    String uri3 = open("law l { for b: Ba|ll then b.vy := 0 }");
    assertRefused(uri3, "Wall", "already declared");

    String uri4 = open("law l { on contact(|b: Ball, w: Wall) then b.vy := 0 }");
    assertRefused(uri4, "w", "already declared");
  }

  /** prepareRename says why, as an InvalidParams error the editor shows, rather than a bare null. */
  private void assertPrepareRefused(String uri, String message) {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> fx.docs().prepareRename(new PrepareRenameParams(id(uri), fx.cursor)).get(10, TimeUnit.SECONDS));
    ResponseErrorException error = (ResponseErrorException) e.getCause();
    assertEquals(org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams.getValue(),
        error.getResponseError().getCode());
    assertTrue(error.getResponseError().getMessage().startsWith(message), error.getResponseError().getMessage());
  }

  @Test
  void renameRefusesWhenAMentionCannotBeResolved() throws Exception {
    String uri = open("law l { for b: Ba|ll then b.vy := 0 }\nlaw broken { for b: Ball then b.vy := }");
    assertRefused(uri, "Puck", "laws.law:3");
    String uri2 = open("law l { for b: Ball then b.vy := |b.vx + ");
    assertPrepareRefused(uri2, "cannot rename here: this law does not parse yet");
    assertRefused(uri2, "ball", "does not parse yet");
    String uri3 = open("law l { for b: Ball then b.vy := 0 }  |");
    assertPrepareRefused(uri3, "cannot rename here: there is no name under the cursor");
  }

  @Test
  void renameRefusesFilesWhosePositionsWouldBeWrong() throws Exception {
    String uri = open("// \uD83D\uDE00 smile\nlaw l { for |b: Ball then b.vy := 0 }");
    assertRefused(uri, "ball", "outside the Basic Multilingual Plane");
  }

  private void assertRefused(String uri, String newName, String why) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> fx.docs()
        .rename(new RenameParams(id(uri), fx.cursor, newName)).get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ResponseErrorException, e.toString());
    assertTrue(e.getCause().getMessage().contains(why), e.getCause().getMessage());
  }

  @Test
  void noDefinitionOnKeywords() throws Exception {
    String uri = open("la|w l { for b: Ball then b.vy := 0 }");
    assertEquals(List.of(), definition(uri));
    fx.cursor = new Position(0, 0);
    assertEquals(List.of(), references(uri, true));
  }

  @Test
  void aCancelledReferenceSearchStopsBeforeScanningFiles() throws Exception {
    dev.nomos.lsp.internal.Workspace ws = new dev.nomos.lsp.internal.Workspace();
    String uri = worldDirUri("laws.law");
    String text = "use \"pong_world.law\"\nlaw l { for b: Ball then b.vy := 0 }";
    ws.open(uri, 1, text);
    dev.nomos.lsp.internal.Analysis a = ws.analysis(uri).orElseThrow();
    var nav = new dev.nomos.lsp.internal.NavigationFeature(ws);
    int offset = text.indexOf("Ball");
    assertEquals(2, nav.references(a, offset, true, () -> false).size());
    assertEquals(List.of(), nav.references(a, offset, true, () -> true));
  }

  private String worldDirUri(String name) {
    return dev.nomos.lsp.internal.Workspace.uriOf(dir.resolve(name));
  }

  @Test
  void highlightsOccurrencesInTheFile() throws Exception {
    String uri = open("law l { for |b: Ball when b.vy > 0 then b.vy := -b.vy }");
    var highlights = get(fx.docs().documentHighlight(new org.eclipse.lsp4j.DocumentHighlightParams(id(uri), fx.cursor)));
    assertEquals(4, highlights.size());
    assertEquals(1, highlights.stream().filter(h -> h.getKind() == org.eclipse.lsp4j.DocumentHighlightKind.Write).count());
  }

  @Test
  void definitionInALawThatDoesNotParseYet() throws Exception {
    String text = "law l { on contact(b: Ball, w: Wall) then b.vy := |w.vy +";
    String uri = open(text);
    Location def = definition(uri).get(0);
    String full = "use \"pong_world.law\"\n" + text.replace("|", "");
    assertEquals(Texts.position(full, full.indexOf("w: Wall")), def.getRange().getStart());
    String uri2 = open("law l { on contact(b: Ball, w: Wa|ll) then b.vy := ");
    assertEquals(worldUri, definition(uri2).get(0).getUri());
  }
}
