package dev.nomos.lsp.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Text document requests. Notifications only update the workspace and hand the document to the
 * {@link CheckScheduler}; every request runs on the request executor (never on the message
 * thread, never on the check thread) and checks for cancellation. Hover, completion and signature
 * help answer at once from the latest completed analysis; the others wait for the analysis of the
 * current version. Only Nomos documents are served: other languages an editor opens are ignored.
 */
public final class NomosTextDocumentService implements TextDocumentService {
  /** The language id editors give Nomos documents. */
  public static final String LANGUAGE_ID = "nomos";

  private final Workspace workspace;
  private final CheckScheduler checks;
  private final Executor executor;
  private final Lifecycle lifecycle;
  private final HoverFeature hover;
  private final NavigationFeature navigation;
  private final DocumentFormatter formatter;
  private final InlayHintsFeature inlayHints;
  private volatile boolean snippets = true;

  public NomosTextDocumentService(Workspace workspace, CheckScheduler checks, Executor executor, Lifecycle lifecycle,
      FittedWeights fitted, DocumentFormatter formatter) {
    this.workspace = workspace;
    this.checks = checks;
    this.executor = executor;
    this.lifecycle = lifecycle;
    this.hover = new HoverFeature(fitted);
    this.inlayHints = new InlayHintsFeature(fitted);
    this.navigation = new NavigationFeature(workspace);
    this.formatter = formatter;
  }

  /** Whether the client expands snippets ({@code completionItem.snippetSupport}); if not, completion inserts plain text. */
  public void setSnippetSupport(boolean snippets) {
    this.snippets = snippets;
  }

  // ---- synchronisation

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var doc = params.getTextDocument();
    if (lifecycle.isShutDown() || !LANGUAGE_ID.equals(doc.getLanguageId()) && !Workspace.isLawFile(doc.getUri())) {
      return;
    }
    workspace.open(doc.getUri(), doc.getVersion(), doc.getText());
    checks.opened(doc.getUri());
  }

  /** Applies the changes in order, each to the text the one before left (incremental sync, UTF-16 columns). */
  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Optional<String> before = workspace.isOpen(uri) ? workspace.text(uri) : Optional.empty();
    if (lifecycle.isShutDown() || before.isEmpty()) {
      return;
    }
    String text = before.get();
    for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
      text = Texts.apply(text, change.getRange(), change.getText());
    }
    workspace.change(uri, params.getTextDocument().getVersion(), text);
    checks.edited(uri);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    if (workspace.isOpen(uri)) {
      workspace.close(uri);
      checks.closed(uri);
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    if (!lifecycle.isShutDown() && workspace.isOpen(uri)) {
      checks.edited(uri);
    }
  }

  // ---- requests

  /** Whether requests about {@code uri} are served: open Nomos documents and {@code .law} files. */
  private boolean serves(String uri) {
    return workspace.isOpen(uri) || Workspace.isLawFile(uri);
  }

  /**
   * Runs {@code work} on the request executor once the analysis of the current version of {@code uri}
   * is done (without holding a thread while it waits); {@code empty} if the file is unreadable or not Nomos.
   */
  private <R> CompletableFuture<R> async(String uri, R empty, BiFunction<Analysis, CancelChecker, R> work) {
    if (lifecycle.isShutDown()) {
      return Lifecycle.refused();
    }
    if (!serves(uri)) {
      return CompletableFuture.completedFuture(empty);
    }
    return after(checks.current(uri), empty, work);
  }

  /**
   * Runs {@code work} at once on the latest completed analysis of {@code uri}, mapped to its current
   * text; waits only when there is none yet, or when the text is unchanged but a file it uses
   * changed (the older analysis would then answer from the older world).
   */
  private <R> CompletableFuture<R> recent(String uri, R empty, BiFunction<RecentAnalysis, CancelChecker, R> work) {
    if (lifecycle.isShutDown()) {
      return Lifecycle.refused();
    }
    if (!serves(uri)) {
      return CompletableFuture.completedFuture(empty);
    }
    CheckScheduler.Snapshot latest = checks.latest(uri);
    String text = workspace.text(uri).orElse(null);
    if (latest != null && text != null && (checks.isCurrent(uri) || !latest.text().equals(text))) {
      return after(CompletableFuture.completedFuture(RecentAnalysis.of(latest.analysis(), text)), empty, work);
    }
    return after(checks.current(uri).thenApply(a -> a == null ? null : RecentAnalysis.of(a)), empty, work);
  }

  private <A, R> CompletableFuture<R> after(CompletableFuture<A> input, R empty, BiFunction<A, CancelChecker, R> work) {
    CompletableFuture<R> result = new CompletableFuture<>();
    CancelChecker cancel = () -> {
      if (result.isCancelled()) {
        throw new CancellationException();
      }
    };
    input.whenCompleteAsync((value, failure) -> {
      if (result.isDone()) {
        return;
      }
      try {
        if (failure != null) {
          throw failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        }
        result.complete(value == null ? empty : work.apply(value, cancel));
      } catch (CancellationException cancelled) {
        result.cancel(false);
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, executor);
    return result;
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    String uri = params.getTextDocument().getUri();
    return recent(uri, Either.forLeft(List.of()), (r, cancel) -> {
      int offset = r.offset(params.getPosition());
      CursorScope scope = r.scopeAt(CompletionFeature.wordStart(r.text(), offset));
      return Either.forLeft(CompletionFeature.complete(workspace, r.analysis(), r.text(), offset, scope, snippets));
    });
  }

  @Override
  public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
    String uri = params.getTextDocument().getUri();
    return recent(uri, null, (r, cancel) -> SignatureHelpFeature.help(r.text(), r.offset(params.getPosition()))
        .orElse(null));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    String uri = params.getTextDocument().getUri();
    return recent(uri, null, (r, cancel) -> hover.hover(r.analysis(), r.analysedOffset(params.getPosition()))
        .map(h -> {
          if (h.getRange() != null) {
            h.setRange(r.toCurrent(h.getRange()));
          }
          return h;
        }).orElse(null));
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
      DefinitionParams params) {
    String uri = params.getTextDocument().getUri();
    return async(uri, Either.forLeft(List.of()), (a, cancel) -> Either.forLeft(
        navigation.definition(a, Texts.offset(a.text(), params.getPosition()))));
  }

  @Override
  public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
    return async(params.getTextDocument().getUri(), List.of(), (a, cancel) -> navigation.links(a));
  }

  @Override
  public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
    String uri = params.getTextDocument().getUri();
    return async(uri, List.of(), (a, cancel) -> navigation.highlights(a, Texts.offset(a.text(), params.getPosition())));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    String uri = params.getTextDocument().getUri();
    boolean withDeclaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
    return async(uri, List.of(), (a, cancel) -> navigation.references(a,
        Texts.offset(a.text(), params.getPosition()), withDeclaration, cancel::isCanceled));
  }

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
      PrepareRenameParams params) {
    String uri = params.getTextDocument().getUri();
    return async(uri, null, (a, cancel) -> {
      try {
        return Either3.forFirst(navigation.renameRange(a, Texts.offset(a.text(), params.getPosition())));
      } catch (NavigationFeature.RenameRefused refused) {
        throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
            "cannot rename here: " + refused.getMessage(), null));
      }
    });
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    String uri = params.getTextDocument().getUri();
    return async(uri, null, (a, cancel) -> {
      try {
        return navigation.rename(a, Texts.offset(a.text(), params.getPosition()), params.getNewName(),
            cancel::isCanceled);
      } catch (NavigationFeature.RenameRefused refused) {
        throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, refused.getMessage(), null));
      }
    });
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    String uri = params.getTextDocument().getUri();
    return async(uri, List.of(), (a, cancel) -> OutlineFeature.symbols(a).stream()
        .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return async(params.getTextDocument().getUri(), List.of(), (a, cancel) -> OutlineFeature.folding(a));
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
    return async(params.getTextDocument().getUri(), new SemanticTokens(List.of()),
        (a, cancel) -> SemanticTokensFeature.tokens(a));
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams params) {
    return async(params.getTextDocument().getUri(), new SemanticTokens(List.of()),
        (a, cancel) -> SemanticTokensFeature.tokens(a, params.getRange()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    if (lifecycle.isShutDown()) {
      return Lifecycle.refused();
    }
    return CompletableFutures.computeAsync(executor, cancel -> CodeActionFeature
        .quickFixes(params, checks.published(uri)).stream()
        .map(Either::<Command, CodeAction>forRight).toList());
  }

  @Override
  public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
    return async(params.getTextDocument().getUri(), List.of(), (a, cancel) -> inlayHints.hints(a, params.getRange()));
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    String uri = params.getTextDocument().getUri();
    return async(uri, List.of(), (a, cancel) -> formatter.format(a));
  }
}
