package dev.nomos.serve;

/**
 * A request the service cannot answer, as a JSON-RPC 2.0 error: a code, a one-line message and, for
 * a bad parameter, the field it names ({@code params.frame.objects[2].x}). The message starts with
 * that field, so it reads well on its own.
 */
public final class RpcError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The request line is not JSON. */
  public static final int PARSE_ERROR = -32700;
  /** The JSON is not a JSON-RPC 2.0 request (no method, a wrong jsonrpc version, an empty batch). */
  public static final int INVALID_REQUEST = -32600;
  /** No such method. */
  public static final int METHOD_NOT_FOUND = -32601;
  /** A parameter is missing, of the wrong type, out of range, or a frame the model's world does not declare. */
  public static final int INVALID_PARAMS = -32602;
  /** A fault of the server itself; the request may be retried, the server goes on. */
  public static final int INTERNAL_ERROR = -32603;
  /** A law of the model threw on the given frame (the message names the law). */
  public static final int LAW_FAILED = -32000;

  private final int code;
  private final String field;

  private RpcError(int code, String field, String message) {
    super(message);
    this.code = code;
    this.field = field;
  }

  /** An error about no particular field. */
  public static RpcError of(int code, String message) {
    return new RpcError(code, null, message);
  }

  /** A bad parameter: the message is {@code field: problem}. */
  public static RpcError invalidParam(String field, String problem) {
    return new RpcError(INVALID_PARAMS, field, field + ": " + problem);
  }

  /** An error of {@code code} about {@code field}: the message is {@code field: problem}. */
  public static RpcError about(int code, String field, String problem) {
    return new RpcError(code, field, field + ": " + problem);
  }

  public int code() {
    return code;
  }

  /** The parameter the error is about, or null. */
  public String field() {
    return field;
  }
}
