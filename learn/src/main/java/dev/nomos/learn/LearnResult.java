package dev.nomos.learn;

import dev.nomos.compiler.format.Formatter;
import dev.nomos.runtime.model.WorldModel;
import java.util.List;

/** The learned model: its laws with weights (in model order), the runnable model, and the run's report. */
public record LearnResult(List<LearnedLaw> laws, WorldModel model, LearnReport report) {
  public LearnResult {
    laws = List.copyOf(laws);
  }

  /**
   * The laws as one {@code .law} file: {@code header} (a {@code use} line or a world), then each law
   * with its weight and fitted creation probabilities, then the model's fitted floor.
   */
  public String lawFile(String header) {
    StringBuilder sb = new StringBuilder();
    if (!header.isBlank()) {
      sb.append(header.strip()).append("\n\n");
    }
    for (LearnedLaw law : laws) {
      double[] chances = model.chances().get(law.name());
      sb.append(chances == null ? law.sourceWithWeight() : law.sourceWithWeight(chances)).append("\n\n");
    }
    if (model.floor().enabled() && !model.floor().values().isEmpty()) {
      sb.append(Formatter.formatFloor(model.floor().values()));
    }
    return sb.toString().stripTrailing() + "\n";
  }
}
