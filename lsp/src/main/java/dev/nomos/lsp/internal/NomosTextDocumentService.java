package dev.nomos.lsp.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * Text document requests. Notifications only update the workspace and schedule diagnostics;
 * every request runs on the worker executor (never on the message thread) and checks for
 * cancellation before and after its work.
 */
public final class NomosTextDocumentService implements TextDocumentService {
  private final Workspace workspace;
  private final DiagnosticsScheduler diagnostics;
  private final Executor executor;
  private final HoverFeature hover;
  private final NavigationFeature navigation;
  private final DocumentFormatter formatter;
  private final InlayHintsFeature inlayHints;

  public NomosTextDocumentService(Workspace workspace, DiagnosticsScheduler diagnostics, Executor executor,
      FittedWeights fitted, DocumentFormatter formatter) {
    this.workspace = workspace;
    this.diagnostics = diagnostics;
    this.executor = executor;
    this.hover = new HoverFeature(fitted);
    this.inlayHints = new InlayHintsFeature(fitted);
    this.navigation = new NavigationFeature(workspace);
    this.formatter = formatter;
  }

  // ---- synchronisation

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var doc = params.getTextDocument();
    workspace.open(doc.getUri(), doc.getVersion(), doc.getText());
    diagnostics.edited(doc.getUri());
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    String text = workspace.text(uri).orElse("");
    for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
      text = Texts.apply(text, change.getRange(), change.getText());
    }
    workspace.change(uri, params.getTextDocument().getVersion(), text);
    diagnostics.edited(uri);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    workspace.close(uri);
    diagnostics.closed(uri);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    diagnostics.edited(params.getTextDocument().getUri());
  }

  // ---- requests

  /** Runs {@code work} on the executor with the analysis of {@code uri}; {@code empty} if unreadable. */
  private <R> CompletableFuture<R> async(String uri, R empty, BiFunction<Analysis, CancelChecker, R> work) {
    return CompletableFutures.computeAsync(executor, cancel -> {
      cancel.checkCanceled();
      Optional<Analysis> analysis = workspace.analysis(uri);
      if (analysis.isEmpty()) {
        return empty;
      }
      cancel.checkCanceled();
      R result = work.apply(analysis.get(), cancel);
      cancel.checkCanceled();
      return result;
    });
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    String uri = params.getTextDocument().getUri();
    return async(uri, Either.forLeft(List.of()), (a, cancel) -> Either.forLeft(
        CompletionFeature.complete(workspace, a, Texts.offset(a.text(), params.getPosition()))));
  }

  @Override
  public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
    String uri = params.getTextDocument().getUri();
    return async(uri, null, (a, cancel) -> SignatureHelpFeature.help(a, Texts.offset(a.text(), params.getPosition()))
        .orElse(null));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    String uri = params.getTextDocument().getUri();
    return async(uri, null, (a, cancel) -> hover.hover(a, Texts.offset(a.text(), params.getPosition())).orElse(null));
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
    return async(uri, null, (a, cancel) -> navigation.prepareRename(a, Texts.offset(a.text(), params.getPosition()))
        .map(Either3::<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forFirst).orElse(null));
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
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    return CompletableFutures.computeAsync(executor, cancel -> CodeActionFeature
        .quickFixes(params, diagnostics.published(uri)).stream()
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
