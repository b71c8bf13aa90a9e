package dev.nomos.learn.internal;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.learn.LawCompiler;
import dev.nomos.learn.NomosLawCompiler;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.cluster.ModelRecipe;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.WorldModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model of the learner as a cluster's workers rebuild it: the world's text, each law's text (in
 * the model's order), and the weights, options, floor and creation chances of the model on the
 * learner's machine. Laws are compiled with {@link NomosLawCompiler}, as the learner compiles them.
 * A value (lists and maps, no arrays), so that a worker's tasks of one job share one build.
 */
record LawsRecipe(String worldSource, Engine engine, List<String> laws, List<Double> weights, double nu,
    double lambda, double maxWeight, double pruneThreshold, boolean floorEnabled, Map<String, Double> floor,
    Map<String, List<Double>> chances) implements ModelRecipe {
  private static final long serialVersionUID = 1L;

  /** The recipe of {@code model}, whose laws are compiled from {@code laws} in order. */
  static LawsRecipe of(String worldSource, Engine engine, List<String> laws, WorldModel model) {
    if (laws.size() != model.lawNames().size()) {
      throw new IllegalArgumentException(laws.size() + " law texts for a model of " + model.lawNames().size() + " laws");
    }
    List<Double> weights = new ArrayList<>();
    for (double w : model.weights()) {
      weights.add(w);
    }
    Map<String, List<Double>> chances = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : model.chances().entrySet()) {
      List<Double> values = new ArrayList<>();
      for (double v : e.getValue()) {
        values.add(v);
      }
      chances.put(e.getKey(), values);
    }
    ModelOptions o = model.options();
    return new LawsRecipe(worldSource, engine, List.copyOf(laws), weights, o.nu(), o.lambda(), o.maxWeight(),
        o.pruneThreshold(), model.floor().enabled(), new LinkedHashMap<>(model.floor().values()), chances);
  }

  @Override
  public WorldModel build() {
    List<Law> compiled = new ArrayList<>();
    WorldSchema schema;
    synchronized (Compiled.class) {
      Compiled known = Compiled.of(worldSource, engine);
      schema = known.schema;
      for (String text : laws) {
        compiled.add(known.law(text));
      }
    }
    double[] w = new double[weights.size()];
    for (int k = 0; k < w.length; k++) {
      w[k] = weights.get(k);
    }
    Map<String, double[]> fitted = new LinkedHashMap<>();
    for (Map.Entry<String, List<Double>> e : chances.entrySet()) {
      fitted.put(e.getKey(), e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
    }
    Floor background = floorEnabled ? Floor.of(floor) : Floor.none();
    return new WorldModel(schema, compiled, w, new ModelOptions(nu, lambda, maxWeight, pruneThreshold), background,
        fitted);
  }

  /**
   * The laws this JVM compiled for one world and engine, by text: a round's models share most of
   * their laws with the last round's, and a compiled law is stateless (the learner shares them the
   * same way), so a worker compiles each text once rather than once per round and task.
   */
  private static final class Compiled {
    /** Texts kept at most; past it the cache starts again (a long run's rejected candidates go). */
    private static final int MAX_LAWS = 20_000;
    private static String worldSource;
    private static Engine engine;
    private static Compiled current;

    final WorldSchema schema;
    private final NomosLawCompiler compiler;
    private final Map<String, Law> laws = new HashMap<>();

    private Compiled(WorldSchema schema, Engine engine) {
      this.schema = schema;
      this.compiler = new NomosLawCompiler(schema, engine);
    }

    static Compiled of(String source, Engine engine) {
      if (current == null || !source.equals(worldSource) || engine != Compiled.engine) {
        Compilation world = NomosCompiler.compile(List.of(new SourceFile("world.law", source)), SourceResolver.none());
        if (world.hasErrors() || world.schema() == null) {
          throw new IllegalStateException("the world's text does not compile where it was sent"
              + (world.hasErrors() ? ": " + world.errors().get(0) : ""));
        }
        current = new Compiled(world.schema(), engine);
        worldSource = source;
        Compiled.engine = engine;
      }
      if (current.laws.size() > MAX_LAWS) {
        current.laws.clear();
      }
      return current;
    }

    Law law(String text) {
      Law known = laws.get(text);
      if (known != null) {
        return known;
      }
      LawCompiler.Compiled c = compiler.compile(text);
      if (!c.ok()) {
        throw new IllegalStateException("a law does not compile where it was sent: " + c.diagnostics());
      }
      laws.put(text, c.law());
      return c.law();
    }
  }
}
