package dev.nomos.runtime.internal;

import dev.nomos.runtime.WorldSchema;
import java.util.Arrays;

/**
 * The creation targets of one frame and the laws' opinions on them. A creation target is a distinct
 * (type, x, y) some law may create an object at; each opinion on it is one law's chance {@code r} of
 * creating an object there, stored as {@code log(1 - r)}, so that the chance that no law creates one
 * is {@code exp(min(0, Σ θ_law log(1 - r)))} (laws are independent causes; weight 0 silences a law;
 * a law of negative weight inhibits the others' creations there, down to none, and alone changes
 * nothing, as no chance of creation is below 0). A law
 * that states the same creation several times in one step (several bindings) allows the union: its
 * largest chance.
 *
 * <p>A creation states a probability p and a distribution of places with shares q (summing to 1):
 * the chance at a place is {@code p q}. A creation the law is certain of (a plain {@code spawn}, or
 * no probability written) has {@code p = 1 - e^-ν}, so that "not created" scores {@code -ν} per unit
 * of weight there, as a value a law excludes does on every other target. A fitted probability is a
 * parameter of the model ({@link #chances()}), numbered across frames in the order first seen.
 */
public final class Creations {
  /**
   * The value of a fitted probability that was never fitted nor given a start (a law states NaN):
   * a model used before fitting treats it as an even chance; fitting starts it from the data.
   */
  public static final double UNFITTED = 0.5;

  private final WorldSchema schema;
  private final double certain;
  private final double nu;
  private final double[][] fixedChance;

  private int count;
  private int[] type = new int[8];
  private int[] x = new int[8];
  private int[] y = new int[8];
  private int[] first = new int[8];

  private int entries;
  private int[] entryLaw = new int[16];
  private int[] entryChance = new int[16];
  private double[] entryShare = new double[16];
  private double[] entryLogNot = new double[16];
  private int[] entryNext = new int[16];

  // Fitted probabilities, across frames: law and ordinal of each, and its value.
  private int chances;
  private int[] chanceLaw = new int[4];
  private int[] chanceOrdinal = new int[4];
  private double[] chanceValue = new double[4];
  private boolean[] chanceKnown = new boolean[4];
  private int[][] chanceOf;

  // The creation being stated.
  private boolean open;
  private int openLaw;
  private int openType;
  private double openProbability;
  private int openChance;
  private int places;
  private int[] placeX = new int[8];
  private int[] placeY = new int[8];
  private double[] placeWeight = new double[8];
  private boolean rect;
  private int rectX0;
  private int rectY0;
  private int rectX1;
  private int rectY1;

  /**
   * @param fitted per law, the values of its fitted probabilities by ordinal (a null row, a row
   *     too short or a NaN keeps the value the law states)
   */
  public Creations(WorldSchema schema, int laws, double nu, double[][] fitted) {
    this.schema = schema;
    this.nu = nu;
    this.certain = -Math.expm1(-nu);
    this.fixedChance = fitted;
    this.chanceOf = new int[laws][];
  }

  /** Forgets the targets of the previous frame (fitted probabilities are kept). */
  public void clear() {
    count = 0;
    entries = 0;
    open = false;
  }

  public boolean open() {
    return open;
  }

  /** Starts a creation of law {@code law}; see {@code OpinionSink#beginSpawn}. */
  public void begin(int law, int type, double probability, int chance) {
    open = true;
    openLaw = law;
    openType = type;
    openProbability = probability;
    openChance = chance;
    places = 0;
    rect = false;
  }

  public void place(int px, int py, double weight) {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      return;
    }
    if (places == placeX.length) {
      placeX = Arrays.copyOf(placeX, places * 2);
      placeY = Arrays.copyOf(placeY, places * 2);
      placeWeight = Arrays.copyOf(placeWeight, places * 2);
    }
    placeX[places] = px;
    placeY[places] = py;
    placeWeight[places] = weight;
    places++;
  }

  public void placeRange(int x0, int y0, int x1, int y1) {
    rect = true;
    rectX0 = x0;
    rectY0 = y0;
    rectX1 = x1;
    rectY1 = y1;
  }

  /** Ends the creation: spreads its probability over its places. */
  public void end() {
    open = false;
    if (!(openProbability > 0) && !(openChance >= 0 && Double.isNaN(openProbability))) {
      return;
    }
    int g = openChance < 0 ? -1 : chanceIndex(openLaw, openChance, openProbability);
    double p = g >= 0 ? chanceValue[g] : Math.min(1, openProbability);
    if (!(p > 0)) {
      return;
    }
    if (rect) {
      double area = ((double) rectX1 - rectX0 + 1) * ((double) rectY1 - rectY0 + 1);
      if (rectX1 < rectX0 || rectY1 < rectY0) {
        return;
      }
      // Places off the screen keep their share (the creation may happen there) but are not targets.
      int xa = Math.max(rectX0, 0);
      int xb = Math.min(rectX1, schema.screenWidth() - 1);
      int ya = Math.max(rectY0, 0);
      int yb = Math.min(rectY1, schema.screenHeight() - 1);
      for (int py = ya; py <= yb; py++) {
        for (int px = xa; px <= xb; px++) {
          add(px, py, 1 / area, p, g);
        }
      }
      return;
    }
    double total = 0;
    for (int k = 0; k < places; k++) {
      total += placeWeight[k];
    }
    for (int k = 0; k < places; k++) {
      add(placeX[k], placeY[k], placeWeight[k] / total, p, g);
    }
  }

  private int chanceIndex(int law, int ordinal, double stated) {
    int[] row = chanceOf[law];
    if (row == null || row.length <= ordinal) {
      int[] grown = new int[ordinal + 1];
      Arrays.fill(grown, -1);
      if (row != null) {
        System.arraycopy(row, 0, grown, 0, row.length);
      }
      chanceOf[law] = row = grown;
    }
    if (row[ordinal] < 0) {
      if (chances == chanceLaw.length) {
        chanceLaw = Arrays.copyOf(chanceLaw, chances * 2);
        chanceOrdinal = Arrays.copyOf(chanceOrdinal, chances * 2);
        chanceValue = Arrays.copyOf(chanceValue, chances * 2);
        chanceKnown = Arrays.copyOf(chanceKnown, chances * 2);
      }
      double[] fitted = fixedChance == null || law >= fixedChance.length ? null : fixedChance[law];
      double value = fitted != null && ordinal < fitted.length && !Double.isNaN(fitted[ordinal]) ? fitted[ordinal] : stated;
      chanceLaw[chances] = law;
      chanceOrdinal[chances] = ordinal;
      chanceKnown[chances] = !Double.isNaN(value);
      chanceValue[chances] = Double.isNaN(value) ? UNFITTED : Math.max(0, Math.min(1, value));
      row[ordinal] = chances++;
    }
    return row[ordinal];
  }

  private void add(int px, int py, double share, double p, int g) {
    int k = index(openType, px, py);
    if (k < 0) {
      k = newTarget(openType, px, py);
    }
    double logNot = logNot(share, p);
    for (int e = first[k]; e >= 0; e = entryNext[e]) {
      if (entryLaw[e] == openLaw && entryChance[e] == g) {
        // One law's repeated opinion on one target: the union, its largest chance.
        if (logNot < entryLogNot[e]) {
          entryLogNot[e] = logNot;
          entryShare[e] = share;
        }
        return;
      }
    }
    if (entries == entryLaw.length) {
      int n = entries * 2;
      entryLaw = Arrays.copyOf(entryLaw, n);
      entryChance = Arrays.copyOf(entryChance, n);
      entryShare = Arrays.copyOf(entryShare, n);
      entryLogNot = Arrays.copyOf(entryLogNot, n);
      entryNext = Arrays.copyOf(entryNext, n);
    }
    entryLaw[entries] = openLaw;
    entryChance[entries] = g;
    entryShare[entries] = share;
    entryLogNot[entries] = logNot;
    entryNext[entries] = first[k];
    first[k] = entries++;
  }

  /** {@code log(1 - r)} for the chance {@code r} a law gives a place: {@code share * p}, p = 1 being certain. */
  public double logNot(double share, double p) {
    if (p >= 1) {
      return share >= 1 ? -nu : Math.log1p(-share * certain);
    }
    return Math.log1p(-share * p);
  }

  private int newTarget(int t, int px, int py) {
    if (count == type.length) {
      int n = count * 2;
      type = Arrays.copyOf(type, n);
      x = Arrays.copyOf(x, n);
      y = Arrays.copyOf(y, n);
      first = Arrays.copyOf(first, n);
    }
    type[count] = t;
    x[count] = px;
    y[count] = py;
    first[count] = -1;
    return count++;
  }

  /** The creation target at (type, x, y), or -1. */
  public int index(int t, int px, int py) {
    for (int k = 0; k < count; k++) {
      if (type[k] == t && x[k] == px && y[k] == py) {
        return k;
      }
    }
    return -1;
  }

  /**
   * {@code log P(no law creates at k)} = {@code min(0, Σ θ_law log(1 - r))} under weights
   * {@code theta}; the bound matters only where a law has a negative weight.
   */
  public double logNoCreation(int k, double[] theta) {
    double sum = 0;
    for (int e = first[k]; e >= 0; e = entryNext[e]) {
      sum += theta[entryLaw[e]] * entryLogNot[e];
    }
    return Math.min(0, sum);
  }

  public int count() { return count; }
  public int type(int k) { return type[k]; }
  public int x(int k) { return x[k]; }
  public int y(int k) { return y[k]; }

  /** The first opinion on target k, or -1; then {@link #next}. */
  public int first(int k) { return first[k]; }
  public int next(int e) { return entryNext[e]; }
  public int law(int e) { return entryLaw[e]; }
  /** The fitted probability an opinion uses, or -1 when its probability is written. */
  public int chance(int e) { return entryChance[e]; }
  /** The opinion's share of its creation's probability: the place's weight among the places. */
  public double share(int e) { return entryShare[e]; }
  /** {@code log(1 - r)} of the opinion at the current probabilities. */
  public double logNot(int e) { return entryLogNot[e]; }

  /** Number of fitted probabilities seen so far. */
  public int chances() { return chances; }
  public int chanceLaw(int g) { return chanceLaw[g]; }
  public int chanceOrdinal(int g) { return chanceOrdinal[g]; }
  public double chanceValue(int g) { return chanceValue[g]; }
  /** Whether fitted probability g has a value (fitted before, or a start the law writes), not {@link #UNFITTED}. */
  public boolean chanceKnown(int g) { return chanceKnown[g]; }
}
