package dev.nomos.compiler.codegen;

/**
 * A generated law class and the constants one law gives it. Laws of equal shape (equal but for
 * their constants) get byte-identical class files and differ only in {@code ints} and
 * {@code doubles}, the arguments of the class's one constructor
 * {@code (String name, int[] ints, double[] doubles)}.
 *
 * @param classFile the class file
 * @param ints the law's int constants (values, slots, types, sides, bounds) in the order its code reads them
 * @param doubles the law's choice weights in the same sense
 */
public record GeneratedLaw(byte[] classFile, int[] ints, double[] doubles) {
  public GeneratedLaw {
    classFile = classFile.clone();
    ints = ints.clone();
    doubles = doubles.clone();
  }

  @Override public byte[] classFile() { return classFile.clone(); }

  @Override public int[] ints() { return ints.clone(); }

  @Override public double[] doubles() { return doubles.clone(); }
}
