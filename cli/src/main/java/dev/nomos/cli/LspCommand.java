package dev.nomos.cli;

import dev.nomos.lsp.NomosLsp;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code nomos lsp}: the language server over stdio, for editors. stdout carries only protocol
 * messages: while serving, {@code System.out} is pointed at stderr so a stray print from any
 * library cannot corrupt the stream.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
    description = "Run the Nomos language server on stdin/stdout (started by editors, not by hand).")
public final class LspCommand implements Callable<Integer> {
  private final InputStream in;
  private final OutputStream out;

  public LspCommand() {
    this(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
  }

  /** Serves on the given streams instead of the process's stdio (tests). */
  LspCommand(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintStream originalOut = System.out;
    System.setOut(System.err);
    try {
      return NomosLsp.serve(in, out);
    } finally {
      System.setOut(originalOut);
    }
  }
}
