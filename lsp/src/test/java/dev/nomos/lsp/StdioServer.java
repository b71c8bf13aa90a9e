package dev.nomos.lsp;

/** {@code nomos lsp} without the command line around it: what the Neovim tests start as the server. */
public final class StdioServer {
  private StdioServer() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(NomosLsp.serve(System.in, System.out));
  }
}
