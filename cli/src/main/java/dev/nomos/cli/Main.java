package dev.nomos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code nomos} command. Each subcommand lives in its own class. */
@Command(
    name = "nomos",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Laws of object-centric world models: check, compile, fit, evaluate, learn, serve.",
    subcommands = {
      CommandLine.HelpCommand.class,
      AgentCommand.class,
      BenchCommand.class,
      CheckCommand.class,
      CompileCommand.class,
      EvalCommand.class,
      ExplainCommand.class,
      FitCommand.class,
      FmtCommand.class,
      InitCommand.class,
      LearnCommand.class,
      LspCommand.class,
      PlanCommand.class,
      PlayCommand.class,
      RecordCommand.class,
      RenderCommand.class,
      ReportCommand.class,
      ServeCommand.class,
      SimulateCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (0 ok, 1 failure, 2 usage). */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExitCodeExceptionMapper(ExitCodes::forException);
    cl.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
