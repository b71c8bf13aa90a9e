package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSymbolsTest {
  @TempDir Path dir;

  @Test
  void findsWorldsEntitiesAndLawsUnderTheWorkspaceFolders() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      Files.createDirectories(dir.resolve("pong"));
      Files.createDirectories(dir.resolve("target"));
      fx.write("pong/world.law", Fixture.sample("pong_world.law"));
      fx.write("pong/laws.law", Fixture.sample("pong_laws.law").replace("pong_world.law", "world.law"));
      fx.write("target/copy.law", "law ball_inertia_copy { for b: Ball then b.vy := 0 }");
      InitializeParams init = new InitializeParams();
      init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "ws")));
      get(fx.server.initialize(init));

      List<? extends WorkspaceSymbol> all = get(fx.server.getWorkspaceService()
          .symbol(new WorkspaceSymbolParams("ball"))).getRight();
      List<String> names = all.stream().map(WorkspaceSymbol::getName).sorted().toList();
      assertEquals(List.of("Ball", "ball_inertia"), names, "fuzzy match; build output is skipped");
      WorkspaceSymbol ball = all.stream().filter(s -> s.getName().equals("Ball")).findFirst().orElseThrow();
      assertEquals(SymbolKind.Class, ball.getKind());
      assertEquals("Pong", ball.getContainerName());
      assertTrue(ball.getLocation().getLeft().getUri().endsWith("pong/world.law"));

      List<String> fuzzy = get(fx.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("bnc")))
          .getRight().stream().map(WorkspaceSymbol::getName).toList();
      assertEquals(List.of("bounce"), fuzzy);
    }
  }
}
