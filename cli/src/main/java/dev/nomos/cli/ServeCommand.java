package dev.nomos.cli;

import dev.nomos.serve.JsonRpcServer;
import dev.nomos.serve.ModelService;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nomos serve MODEL...}: a model as a long-lived JSON-RPC 2.0 process on stdin/stdout (the
 * Python package starts it). stdout carries only responses: while serving, {@code System.out} points
 * at stderr, so a stray print from a law or library cannot corrupt the stream.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serves a model over JSON-RPC 2.0 on standard input and output, one JSON object per line: info, step "
            + "(the most likely next frame and its probability), sample, score (the log-likelihood of an observed "
            + "next frame), rollout, their batch forms (step_batch, ...), step_packed (many steps with frames packed as "
            + "integers) and shutdown. See docs/serve.md.",
        "When the model's laws state the reward (reward :=) or the episode's end (end :=), predictions carry "
            + "reward and terminated with their probabilities, and a rollout stops at a predicted end.",
        "Frames are trajectory records of the model's world, checked strictly: a bad request gets an error "
            + "naming the field, and the server goes on. It ends at the end of its input or after shutdown.",
        "A large step_packed batch is stepped on --threads threads.",
        "Exit codes: 0 ok, 1 a model error (before serving), 2 bad usage."})
public final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "MODEL", description = "The model: .law files, or one model jar.")
  List<Path> model;

  @Option(names = "--nu", paramLabel = "NU", description = "Score of a value a law excludes is -NU (default 10).")
  Double nu;

  @Option(names = "--no-floor",
      description = "Use the pure product of experts: no background mixed into the targets (the model's floor is ignored).")
  boolean noFloor;

  @Option(names = "--engine", defaultValue = "compiled", paramLabel = "ENGINE",
      description = "How laws run: compiled (bytecode) or interpreted (default ${DEFAULT-VALUE}).")
  String engine;

  /** The threads that step a large step_packed batch. */
  @Mixin ThreadOptions threads;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    int stepThreads = threads.count();
    ModelInput input = ModelInput.load(model, ModelInput.engine(engine), nu, null, noFloor, err);
    ModelService service = new ModelService(input.model, WorldTargetLaws.of(input, model), stepThreads);
    BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8), 1 << 16);
    // A response leaves in one write when it fits the megabyte (the encoder would pass it on 8 KiB at a
    // time): a client reading a batch's answer wakes once for it, not once per piece.
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 20), StandardCharsets.UTF_8), 1 << 16);
    PrintStream originalOut = System.out;
    System.setOut(System.err);
    try {
      new JsonRpcServer(service, err).run(in, out);
    } finally {
      System.setOut(originalOut);
    }
    return ExitCodes.OK;
  }
}
