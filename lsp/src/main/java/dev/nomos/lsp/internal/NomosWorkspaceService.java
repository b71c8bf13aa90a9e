package dev.nomos.lsp.internal;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications: a world file changed on disk re-checks the open files that may use it. */
public final class NomosWorkspaceService implements WorkspaceService {
  private final Workspace workspace;
  private final DiagnosticsScheduler diagnostics;

  public NomosWorkspaceService(Workspace workspace, DiagnosticsScheduler diagnostics) {
    this.workspace = workspace;
    this.diagnostics = diagnostics;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    // The server has no settings of its own; the editor extensions configure how it is started.
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    workspace.openUris().forEach(diagnostics::schedule);
  }
}
