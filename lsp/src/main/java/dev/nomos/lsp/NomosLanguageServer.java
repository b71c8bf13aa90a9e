package dev.nomos.lsp;

import dev.nomos.lsp.internal.CheckerDiagnostics;
import dev.nomos.lsp.internal.DiagnosticProvider;
import dev.nomos.lsp.internal.CheckScheduler;
import dev.nomos.lsp.internal.DocumentFormatter;
import dev.nomos.lsp.internal.FittedWeights;
import dev.nomos.lsp.internal.FormatterEdits;
import dev.nomos.lsp.internal.Lifecycle;
import dev.nomos.lsp.internal.NomosTextDocumentService;
import dev.nomos.lsp.internal.NomosWorkspaceService;
import dev.nomos.lsp.internal.SemanticTokensFeature;
import dev.nomos.lsp.internal.Workspace;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The Nomos language server. Create one per connection (see {@link NomosLsp}); it owns three small
 * thread pools that end with {@code shutdown}/{@code exit}: requests (two threads), checks (one
 * thread: parsing and checking the documents as they are edited, so a check never holds up a
 * request) and the timer of the quiet period before diagnostics.
 */
public final class NomosLanguageServer implements LanguageServer, LanguageClientAware {
  /** Quiet period after the last edit before the document is analysed and checked again. */
  public static final long DIAGNOSTICS_DELAY_MILLIS = 100;

  private final ExecutorService workers;
  private final ExecutorService checking;
  private final ScheduledExecutorService timer;
  private final Workspace workspace = new Workspace();
  private final Lifecycle lifecycle = new Lifecycle();
  private final CheckScheduler checks;
  private final NomosTextDocumentService documents;
  private final NomosWorkspaceService workspaceService;
  private final boolean formats;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

  /**
   * A server whose diagnostics come from {@code provider} (made for the server's workspace) and
   * that formats with {@code formatter} (null: no formatting).
   */
  NomosLanguageServer(Function<Workspace, DiagnosticProvider> provider, DocumentFormatter formatter) {
    this.workers = Executors.newFixedThreadPool(2, daemon("nomos-lsp-worker"));
    this.checking = Executors.newSingleThreadExecutor(daemon("nomos-lsp-check"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("nomos-lsp-timer"));
    this.checks = new CheckScheduler(workspace, provider.apply(workspace), checking, timer, workers,
        DIAGNOSTICS_DELAY_MILLIS);
    this.formats = formatter != null;
    this.documents = new NomosTextDocumentService(workspace, checks, workers, lifecycle, new FittedWeights(),
        formatter != null ? formatter : analysis -> List.of());
    this.workspaceService = new NomosWorkspaceService(workspace, checks, workers, lifecycle);
  }

  /** A server with the checker's diagnostics and the Nomos formatter. */
  public NomosLanguageServer() {
    this(workspace -> new CheckerDiagnostics(), new FormatterEdits());
  }

  @Override
  public void connect(LanguageClient client) {
    checks.connect(client::publishDiagnostics);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    List<String> folders = new java.util.ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      params.getWorkspaceFolders().forEach(f -> folders.add(f.getUri()));
    } else if (params.getRootUri() != null) {
      folders.add(params.getRootUri());
    }
    if (lifecycle.isShutDown()) {
      return Lifecycle.refused();
    }
    workspace.setFolders(folders);
    documents.setSnippetSupport(snippetSupport(params));
    ServerCapabilities caps = new ServerCapabilities();
    caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
    caps.setCompletionProvider(new CompletionOptions(false, List.of(".", ":", "\"")));
    caps.setHoverProvider(true);
    caps.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ","), List.of()));
    caps.setDefinitionProvider(true);
    caps.setReferencesProvider(true);
    caps.setDocumentHighlightProvider(true);
    caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
    caps.setDocumentSymbolProvider(true);
    caps.setWorkspaceSymbolProvider(true);
    caps.setRenameProvider(new RenameOptions(true));
    caps.setFoldingRangeProvider(true);
    caps.setInlayHintProvider(true);
    caps.setCodeActionProvider(true);
    caps.setDocumentFormattingProvider(formats);
    SemanticTokensWithRegistrationOptions tokens = new SemanticTokensWithRegistrationOptions(
        SemanticTokensFeature.LEGEND, true, true);
    caps.setSemanticTokensProvider(tokens);
    return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("nomos", version())));
  }

  /** Loads the compiler's classes while the editor is still opening files, so the first request is quick. */
  @Override
  public void initialized(InitializedParams params) {
    workers.execute(() -> {
      String warmUp = "world W { screen 8 x 8 velocity -1..1 actions A entity B }\n"
          + "law l { for b: B when touching(b, b) then b.vy := -b.vy }\n";
      Workspace scratch = new Workspace();
      scratch.open("untitled:warm-up", 0, warmUp);
      scratch.analysis("untitled:warm-up").ifPresent(a -> {
        SemanticTokensFeature.tokens(a);
        new CheckerDiagnostics().diagnose(a);
      });
    });
  }

  /** {@code textDocument.completion.completionItem.snippetSupport}; absent means no (as the protocol says). */
  private static boolean snippetSupport(InitializeParams params) {
    var caps = params.getCapabilities();
    var text = caps == null ? null : caps.getTextDocument();
    var completion = text == null ? null : text.getCompletion();
    var item = completion == null ? null : completion.getCompletionItem();
    return item != null && Boolean.TRUE.equals(item.getSnippetSupport());
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    if (lifecycle.isShutDown()) {
      return Lifecycle.refused();
    }
    lifecycle.shutDown();
    workers.shutdown();
    checking.shutdownNow();
    timer.shutdownNow();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    workers.shutdownNow();
    checking.shutdownNow();
    timer.shutdownNow();
    exitCode.complete(lifecycle.isShutDown() ? 0 : 1);
  }

  /** Completes on {@code exit}: 0 if {@code shutdown} came first, 1 otherwise (as the protocol asks). */
  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspaceService;
  }

  private static String version() {
    String v = NomosLanguageServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
