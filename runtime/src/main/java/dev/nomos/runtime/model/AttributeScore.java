package dev.nomos.runtime.model;

/** How often the most likely prediction of one attribute was right, over the cases counted. */
public record AttributeScore(long correct, long total) implements java.io.Serializable {

  /** correct / total, or NaN when nothing was counted. */
  public double accuracy() {
    return total == 0 ? Double.NaN : (double) correct / total;
  }
}
