package dev.nomos.lsp.internal;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Whether the client has asked the server to shut down. After {@code shutdown} the protocol
 * wants every request but {@code exit} answered with InvalidRequest, and notifications dropped.
 */
public final class Lifecycle {
  private volatile boolean shutDown;

  public void shutDown() {
    shutDown = true;
  }

  public boolean isShutDown() {
    return shutDown;
  }

  /** The answer to a request that came after {@code shutdown}. */
  public static <T> CompletableFuture<T> refused() {
    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
        ResponseErrorCode.InvalidRequest, "the server is shutting down: only 'exit' is accepted now", null)));
  }
}
