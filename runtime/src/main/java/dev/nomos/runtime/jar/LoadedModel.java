package dev.nomos.runtime.jar;

import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.WorldModel;
import java.util.List;

/**
 * A model jar, loaded and verified: its world, its laws (instances of the jar's compiled classes, in
 * model order) and what its model.json says about them; {@link #model()} is the world model to query.
 */
public record LoadedModel(WorldSchema schema, List<Law> laws, ModelManifest manifest) {

  public LoadedModel {
    laws = List.copyOf(laws);
  }

  /** The weights in law order. */
  public double[] weights() {
    return manifest.weights();
  }

  /** The floor model.json records. */
  public Floor floor() {
    return Floor.of(manifest.floor());
  }

  /**
   * The ready world model: these laws, weights, floor and the jar's options (nu, lambda; other
   * options default).
   */
  public WorldModel model() {
    ModelOptions options = ModelOptions.defaults().withNu(manifest.nu()).withLambda(manifest.lambda());
    return new WorldModel(schema, laws, weights(), options, floor());
  }
}
