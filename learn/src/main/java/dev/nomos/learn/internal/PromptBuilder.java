package dev.nomos.learn.internal;

import dev.nomos.compiler.meaning.LanguageDescriptor;
import dev.nomos.learn.CurrentLaw;
import dev.nomos.learn.Heading;
import dev.nomos.learn.ProposalRequest;
import dev.nomos.stdlib.Side;
import java.util.Locale;

/** The messages an LLM proposer sends: the reference as system message, the task as user message. */
public final class PromptBuilder {
  private PromptBuilder() {}

  public static String system(String reference) {
    return "You write laws in Nomos, a small language for the causal rules of object-centric world "
        + "models. Answer with laws only, in one fenced ```nomos block; no world declaration.\n\n" + reference;
  }

  public static String task(ProposalRequest request) {
    StringBuilder sb = new StringBuilder();
    sb.append("The world:\n```nomos\n").append(request.worldSource().strip()).append("\n```\n\n");
    for (Heading h : request.headings()) {
      sb.append("Read off the data: `").append(h.type()).append('.').append(h.attribute()).append("` tells which way the ")
          .append(h.type()).append(" faces (when it moves, it moves that way):");
      for (var e : h.sides().entrySet()) {
        sb.append(' ').append(h.literals().get(e.getKey())).append(" = ").append(Side.NAMES.get(e.getValue()));
        sb.append(e.getKey().equals(h.sides().lastKey()) ? "." : ",");
      }
      sb.append(" An object u is in front of o when ").append(h.facing("o", "u"))
          .append("; one law with that condition holds for every direction at once.\n\n");
    }
    if (request.currentLaws().isEmpty()) {
      sb.append("The model has no laws yet.\n\n");
    } else {
      sb.append("The model's current laws, with their fitted weights (0 = useless, "
          + LanguageDescriptor.MAX_WEIGHT_TEXT + " = certain):\n```nomos\n");
      for (CurrentLaw law : request.currentLaws()) {
        sb.append("// weight ").append(String.format(Locale.ROOT, "%.3f", law.weight())).append('\n')
            .append(law.source().strip()).append("\n\n");
      }
      sb.append("```\n\n");
    }
    sb.append("These transitions are the ones the current model explains worst. Each shows the action, the ")
        .append("objects whose velocity, attributes or presence changed (position and velocity before -> after, ")
        .append("and what they touch at t, with the side of them that is touched), new objects, and objects ")
        .append("moving steadily:\n\n").append(request.renderedTransitions()).append('\n')
        .append("Write at most ").append(request.maxCandidates())
        .append(" new laws that would explain these transitions and generalise to others like them. ")
        .append("Give each law a distinct descriptive name. Prefer several small laws over one big one. ")
        .append("Do not repeat the current laws. Answer with the laws in one ```nomos block.");
    return sb.toString();
  }

  public static String repair(String diagnostics) {
    return "The checker rejected some of those laws:\n\n" + diagnostics
        + "\nFix them and answer again with all the laws you meant, corrected, in one ```nomos block.";
  }

  public static String noBlock() {
    return "Your answer had no ```nomos block. Answer with the laws in one ```nomos fenced block.";
  }
}
