package dev.nomos.lsp.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications: a world file changed on disk re-checks the open files that may use it. */
public final class NomosWorkspaceService implements WorkspaceService {
  private final Workspace workspace;
  private final CheckScheduler checks;
  private final Lifecycle lifecycle;

  private final Executor executor;

  public NomosWorkspaceService(Workspace workspace, CheckScheduler checks, Executor executor, Lifecycle lifecycle) {
    this.workspace = workspace;
    this.checks = checks;
    this.lifecycle = lifecycle;
    this.executor = executor;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    // The server has no settings of its own; the editor extensions configure how it is started.
  }

  @Override
  public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
      WorkspaceSymbolParams params) {
    if (lifecycle.isShutDown()) {
      return Lifecycle.refused();
    }
    return CompletableFutures.computeAsync(executor, cancel -> Either.forRight(
        WorkspaceSymbolsFeature.search(workspace, params.getQuery(), cancel::isCanceled)));
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    if (!lifecycle.isShutDown()) {
      workspace.openUris().forEach(checks::submit);
    }
  }
}
