package dev.nomos.lsp.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Analyses and checks open documents on a thread of their own, apart from the requests. Every
 * edit makes a new job for the document and supersedes the older one: a superseded job that has
 * not started is skipped, one that is running has its result dropped, and whoever waited for it
 * is handed the newer analysis. A job starts after a quiet period, so typing a word analyses
 * (parses, resolves) and checks once, not once per key: parsing a long file at every keystroke
 * would take the processor from the requests. Meanwhile hover and completion answer from the
 * latest completed analysis ({@link #latest}).
 */
public final class CheckScheduler {
  /** The analysis last completed for a document, and the text it was made from. */
  public record Snapshot(String text, Analysis analysis) {}

  /** The work for one version of a document. */
  private record Job(String text, Integer version, CompletableFuture<Analysis> analysis) {}

  private final Workspace workspace;
  private final DiagnosticProvider provider;
  private final ExecutorService checks;
  private final ScheduledExecutorService timer;
  private final Executor requests;
  private final long quietMillis;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Map<String, Snapshot> latest = new ConcurrentHashMap<>();
  /** Per document, the job waiting for its quiet period to end. */
  private final Map<String, ScheduledFuture<?>> pendingChecks = new ConcurrentHashMap<>();
  private final Map<String, List<org.eclipse.lsp4j.Diagnostic>> published = new ConcurrentHashMap<>();
  private volatile Consumer<PublishDiagnosticsParams> sink = p -> { };

  /**
   * {@code checks} runs analyses and checks (one thread: a document's jobs then run in order),
   * {@code timer} counts the quiet period after an edit, {@code requests} analyses files that
   * are not open.
   */
  public CheckScheduler(Workspace workspace, DiagnosticProvider provider, ExecutorService checks,
      ScheduledExecutorService timer, Executor requests, long quietMillis) {
    this.workspace = workspace;
    this.provider = provider;
    this.checks = checks;
    this.timer = timer;
    this.requests = requests;
    this.quietMillis = quietMillis;
  }

  public void connect(Consumer<PublishDiagnosticsParams> sink) {
    this.sink = sink;
  }

  /**
   * A document was opened: it is analysed and checked at once (what was known of an earlier text
   * under its name no longer answers for it), and so are the open files that {@code use} it.
   */
  public void opened(String uri) {
    latest.remove(uri);
    submit(uri, 0);
    dependents(uri).forEach(this::submit);
  }

  /** A document was edited: it is analysed and checked after the quiet period, and so are the open files that {@code use} it. */
  public void edited(String uri) {
    submit(uri);
    dependents(uri).forEach(this::submit);
  }

  private List<String> dependents(String uri) {
    return latest.entrySet().stream()
        .filter(e -> !e.getKey().equals(uri)
            && e.getValue().analysis().used().stream().anyMatch(ref -> ref.uri().equals(uri)))
        .map(Map.Entry::getKey).toList();
  }

  /** Analyses and checks an open document again after the quiet period (a file it may use changed). */
  public void submit(String uri) {
    submit(uri, quietMillis);
  }

  private void submit(String uri, long delayMillis) {
    Optional<String> text = workspace.isOpen(uri) ? workspace.text(uri) : Optional.empty();
    if (text.isEmpty()) {
      return;
    }
    Job job = new Job(text.get(), workspace.version(uri).orElse(null), new CompletableFuture<>());
    Job previous = jobs.put(uri, job);
    if (previous != null) {
      job.analysis().whenComplete((a, failure) -> {
        if (failure == null) {
          previous.analysis().complete(a);
        } else {
          previous.analysis().completeExceptionally(failure);
        }
      });
    }
    ScheduledFuture<?> work = timer.schedule(() -> checks.execute(() -> {
      analyse(uri, job);
      check(uri, job);
    }), delayMillis, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> before = pendingChecks.put(uri, work);
    if (before != null) {
      before.cancel(false);
    }
  }

  /** Forgets a closed document and clears its diagnostics. */
  public void closed(String uri) {
    jobs.remove(uri);
    latest.remove(uri);
    ScheduledFuture<?> check = pendingChecks.remove(uri);
    if (check != null) {
      check.cancel(false);
    }
    published.remove(uri);
    sink.accept(new PublishDiagnosticsParams(uri, List.of()));
  }

  /** The analysis last completed for an open document, which may be of an older text; null before the first. */
  public Snapshot latest(String uri) {
    return latest.get(uri);
  }

  /** Whether the analysis of the document's current version (and of the files it uses) is done. */
  public boolean isCurrent(String uri) {
    Job job = jobs.get(uri);
    return job == null || job.analysis().isDone();
  }

  /**
   * The analysis of the current text of a document: of an open one when its job completes (a
   * newer edit hands over the newer analysis), of any other file computed on the request
   * executor; null when it cannot be read.
   */
  public CompletableFuture<Analysis> current(String uri) {
    Job job = jobs.get(uri);
    if (job != null) {
      return job.analysis();
    }
    return CompletableFuture.supplyAsync(() -> workspace.analysis(uri).orElse(null), requests);
  }

  /** The diagnostics last published for a file. */
  public List<org.eclipse.lsp4j.Diagnostic> published(String uri) {
    return published.getOrDefault(uri, List.of());
  }

  private boolean superseded(String uri, Job job) {
    return jobs.get(uri) != job;
  }

  private void analyse(String uri, Job job) {
    if (superseded(uri, job)) {
      return;
    }
    try {
      Analysis analysis = workspace.analysis(uri, job.text());
      analysis.tokens(); // lexed here, not by the first request that reads them
      latest.put(uri, new Snapshot(job.text(), analysis));
      job.analysis().complete(analysis);
    } catch (RuntimeException bug) {
      log(uri, bug);
      job.analysis().completeExceptionally(bug);
    }
  }

  private void check(String uri, Job job) {
    Analysis analysis = job.analysis().getNow(null);
    if (superseded(uri, job) || analysis == null) {
      return;
    }
    try {
      var diagnostics = provider.diagnose(analysis).stream()
          .filter(d -> d.source() == analysis.source() || d.source().name().equals(analysis.source().name()))
          .map(LspDiagnostics::toLsp).toList();
      if (superseded(uri, job)) {
        return; // edited meanwhile; the job of that edit publishes
      }
      published.put(uri, diagnostics);
      sink.accept(new PublishDiagnosticsParams(uri, diagnostics, job.version()));
    } catch (RuntimeException bug) {
      log(uri, bug);
    }
  }

  /** A bug in a check must not go unnoticed, nor stop later checks: it is logged (stderr is the log). */
  private static void log(String uri, RuntimeException bug) {
    System.err.println("nomos lsp: checking " + uri + " failed: " + bug);
    bug.printStackTrace();
  }
}
