package dev.nomos.lsp;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** A client that records published diagnostics and ignores everything else. */
final class RecordingClient implements LanguageClient {
  private final BlockingQueue<PublishDiagnosticsParams> diagnostics;

  RecordingClient(BlockingQueue<PublishDiagnosticsParams> diagnostics) {
    this.diagnostics = diagnostics;
  }

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    diagnostics.add(params);
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams messageParams) {}

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams message) {}
}
