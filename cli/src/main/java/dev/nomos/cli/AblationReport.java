package dev.nomos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.LawAblation;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What each law of a model is worth on the evaluated data ({@code nomos eval --ablation}): the
 * NLL per transition of the model without the law, the other laws at their weights, minus the
 * model's. Positive: the law helps on this data; negative: the model is better off without it
 * (fitted to something this data does not show); zero: it never speaks here.
 */
final class AblationReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One law's worth. */
  record Worth(String law, double weight, double nllWithout, double worth) {}

  private AblationReport() {}

  /** Every law's worth on {@code episodes}, most harmful first (ties in the model's order). */
  static List<Worth> of(WorldModel model, List<Episode> episodes, ProgressListener progress, Parallelism threads) {
    LawAblation ablation = LawAblation.of(model, FitData.precompute(model, episodes, progress, threads));
    double nll = -ablation.meanLogLikelihood();
    double[] weights = model.weights();
    List<Worth> out = new ArrayList<>();
    for (int i = 0; i < ablation.laws(); i++) {
      boolean[] removed = new boolean[ablation.laws()];
      removed[i] = true;
      double without = -ablation.meanLogLikelihoodWithout(removed);
      out.add(new Worth(model.lawNames().get(i), weights[i], without, without - nll));
    }
    out.sort(Comparator.comparingDouble(Worth::worth));
    return out;
  }

  static void printText(PrintWriter out, List<Worth> worths) {
    int width = Math.max(3, worths.stream().mapToInt(w -> w.law().length()).max().orElse(3));
    long harmful = worths.stream().filter(w -> w.worth() < 0).count();
    out.printf("what each law is worth on this data (NLL without it minus the model's; %d of %d laws cost here):%n",
        harmful, worths.size());
    out.printf("  %-" + width + "s  %8s  %12s  %10s%n", "law", "weight", "NLL without", "worth");
    for (Worth w : worths) {
      out.printf("  %-" + width + "s  %8.4f  %12.4f  %+10.4f%n", w.law(), w.weight(), w.nllWithout(), w.worth());
    }
  }

  /** The evaluation's JSON with an {@code ablation} field added: one entry per law, most harmful first. */
  static String withAblation(String evaluationJson, List<Worth> worths) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(evaluationJson);
      ArrayNode laws = root.putArray("ablation");
      for (Worth w : worths) {
        ObjectNode n = laws.addObject();
        n.put("law", w.law());
        n.put("weight", w.weight());
        n.put("nll_without", w.nllWithout());
        n.put("worth", w.worth());
      }
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
