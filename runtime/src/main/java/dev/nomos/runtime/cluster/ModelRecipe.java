package dev.nomos.runtime.cluster;

import dev.nomos.runtime.model.WorldModel;
import java.io.Serializable;

/**
 * How to build a model where it is needed: a cluster's workers get the recipe, not the model (laws
 * compiled to classes of one JVM do not travel), and build the same model from it. {@link #build}
 * must give the same laws in the same order, with the same weights and options, every time.
 */
@FunctionalInterface
public interface ModelRecipe extends Serializable {
  WorldModel build();
}
