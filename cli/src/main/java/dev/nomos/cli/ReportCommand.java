package dev.nomos.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nomos report REPORT.json -o curves.png|.svg}: the learning curves of a {@code nomos learn --report} file. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Plots a learning run from the JSON that `nomos learn --report` writes: negative log-likelihood per "
            + "transition (train solid, held-out dashed, test dotted; log scale), attribute accuracy on moving "
            + "objects (held-out and test) and the number of laws, by round, one colour per penalty (lambda) of "
            + "the selection grid; the final model, refitted on all training data, is a black mark (train: diamond, test: square).",
        "`nomos learn --plot FILE` draws the same at the end of a run.",
        "Exit codes: 0 ok, 1 a file that is not such a report, or an unwritable output; 2 bad usage."})
public final class ReportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "REPORT.json", description = "A report written by `nomos learn --report`.")
  Path report;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "CURVES.png|CURVES.svg",
      description = "The plot to write (PNG or SVG, by the extension).")
  Path output;

  @Override
  public Integer call() {
    CurvePlot.isSvg(output);
    OutputFiles.checkWritable(output);
    write(LearningCurves.read(report), output);
    return ExitCodes.OK;
  }

  /** Draws {@code curves} into {@code output}; a failed write is one clear line. */
  static void write(LearningCurves curves, Path output) {
    try {
      CurvePlot.write(curves, output);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(output, e);
    }
  }
}
