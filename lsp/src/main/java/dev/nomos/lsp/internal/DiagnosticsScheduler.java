package dev.nomos.lsp.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Publishes diagnostics a short quiet period after the last edit, so typing a word checks once,
 * not once per key. A newer edit cancels the pending check; a check that finds the text changed
 * under it drops its stale result.
 */
public final class DiagnosticsScheduler {
  private final Workspace workspace;
  private final DiagnosticProvider provider;
  private final ScheduledExecutorService timer;
  private final Executor worker;
  private final long delayMillis;
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private final Map<String, List<org.eclipse.lsp4j.Diagnostic>> published = new ConcurrentHashMap<>();
  private volatile Consumer<PublishDiagnosticsParams> sink = p -> { };

  public DiagnosticsScheduler(Workspace workspace, DiagnosticProvider provider, ScheduledExecutorService timer,
      Executor worker, long delayMillis) {
    this.workspace = workspace;
    this.provider = provider;
    this.timer = timer;
    this.worker = worker;
    this.delayMillis = delayMillis;
  }

  public void connect(Consumer<PublishDiagnosticsParams> sink) {
    this.sink = sink;
  }

  /**
   * Checks {@code uri} after the quiet period, and the other open files that {@code use} it
   * (found on the worker: finding them may parse, which the message thread must not wait for).
   */
  public void edited(String uri) {
    schedule(uri);
    worker.execute(() -> workspace.openUris().stream()
        .filter(u -> !u.equals(uri))
        .filter(u -> workspace.analysis(u).map(a -> a.used().stream().anyMatch(r -> r.uri().equals(uri))).orElse(false))
        .forEach(this::schedule));
  }

  public void schedule(String uri) {
    ScheduledFuture<?> next = timer.schedule(() -> worker.execute(() -> publishLoggingFailures(uri)), delayMillis,
        TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = pending.put(uri, next);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  /** Clears the diagnostics of a closed file. */
  public void closed(String uri) {
    ScheduledFuture<?> previous = pending.remove(uri);
    if (previous != null) {
      previous.cancel(false);
    }
    published.remove(uri);
    sink.accept(new PublishDiagnosticsParams(uri, List.of()));
  }

  /** The diagnostics last published for a file. */
  public List<org.eclipse.lsp4j.Diagnostic> published(String uri) {
    return published.getOrDefault(uri, List.of());
  }

  /** A bug in a check must not go unnoticed, nor stop later checks: it is logged (stderr is the log). */
  private void publishLoggingFailures(String uri) {
    try {
      publish(uri);
    } catch (RuntimeException bug) {
      System.err.println("nomos lsp: checking " + uri + " failed: " + bug);
      bug.printStackTrace();
    }
  }

  private void publish(String uri) {
    if (!workspace.isOpen(uri)) {
      return;
    }
    Integer version = workspace.version(uri).orElse(null);
    String text = workspace.text(uri).orElse(null);
    if (text == null) {
      return;
    }
    Analysis analysis = workspace.analysis(uri, text);
    var diagnostics = provider.diagnose(analysis).stream()
        .filter(d -> d.source() == analysis.source() || d.source().name().equals(analysis.source().name()))
        .map(LspDiagnostics::toLsp).toList();
    if (!text.equals(workspace.text(uri).orElse(null))) {
      return; // edited meanwhile; the check scheduled by that edit publishes
    }
    published.put(uri, diagnostics);
    sink.accept(new PublishDiagnosticsParams(uri, diagnostics, version));
  }
}
