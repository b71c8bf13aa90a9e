package dev.nomos.runtime.jar;

import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import java.util.List;

/**
 * A model jar, loaded and verified: its world, its laws (instances of the jar's compiled classes, in
 * model order) and what its model.json says about them.
 */
public record LoadedModel(WorldSchema schema, List<Law> laws, ModelManifest manifest) {

  public LoadedModel {
    laws = List.copyOf(laws);
  }

  /** The weights in law order. */
  public double[] weights() {
    return manifest.weights();
  }
}
