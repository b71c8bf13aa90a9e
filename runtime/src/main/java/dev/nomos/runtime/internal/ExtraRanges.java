package dev.nomos.runtime.internal;

import dev.nomos.runtime.WorldSchema;

/**
 * Each entity type's extra attributes and their declared ranges as plain arrays, for the loops over
 * every target of a frame, which would otherwise reach them through the type's list once per object.
 */
final class ExtraRanges {
  final WorldSchema schema;
  /** Per type, how many extra attributes it declares. */
  final int[] count;
  /** Per type and extra attribute, its declared least and greatest value. */
  final int[][] min;
  final int[][] max;

  private ExtraRanges(WorldSchema schema) {
    this.schema = schema;
    int types = schema.types().size();
    count = new int[types];
    min = new int[types][];
    max = new int[types][];
    for (int type = 0; type < types; type++) {
      var extras = schema.type(type).extras();
      count[type] = extras.size();
      min[type] = new int[extras.size()];
      max[type] = new int[extras.size()];
      for (int k = 0; k < extras.size(); k++) {
        min[type][k] = extras.get(k).min();
        max[type][k] = extras.get(k).max();
      }
    }
  }

  /** {@code known} when it is {@code schema}'s, else the ranges of {@code schema}. */
  static ExtraRanges of(WorldSchema schema, ExtraRanges known) {
    return known != null && known.schema == schema ? known : new ExtraRanges(schema);
  }
}
