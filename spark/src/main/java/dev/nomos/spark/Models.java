package dev.nomos.spark;

import dev.nomos.runtime.cluster.ModelRecipe;
import dev.nomos.runtime.model.WorldModel;

/**
 * The model of a recipe on a worker, built once per JVM rather than once per task (compiling laws
 * takes far longer than scoring a shard). Laws are stateless, so tasks share the model.
 */
final class Models {
  private static ModelRecipe lastRecipe;
  private static WorldModel lastModel;

  private Models() {}

  static synchronized WorldModel of(ModelRecipe recipe) {
    if (!recipe.equals(lastRecipe)) {
      lastModel = recipe.build();
      lastRecipe = recipe;
    }
    return lastModel;
  }
}
