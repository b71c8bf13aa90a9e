package dev.nomos.runtime;

/**
 * A law that can run together with the other laws of its shape in one pass over their bindings. The
 * compiled engine generates one class per law shape (laws that differ only in their constants); laws
 * of one class whose binders' constants (the types bound, and a contact's side and cover where further
 * loops nest inside it) are equal bind the same objects in the same order, so {@link #applyAll} visits
 * each binding once and tests every law's guard on it, instead of one call, one loop and one set of
 * array reads per law. A step of
 * PoE-World-shaped models, hundreds of variations on a few templates, then makes a few calls where it
 * made hundreds.
 *
 * <p>Each law's opinions are those its {@link #apply} emits, in the same order among themselves;
 * what changes is only how the opinions of different laws interleave (binding by binding instead of
 * law after law), which the runtime's collector puts back in law order per target. Only laws whose
 * bindings are counted alike fuse: a guard that scans a type charges its own budget, and such laws
 * are not {@code FusibleLaw}s. Laws of one loop are {@link OneLoopLaw}s, which the runtime may also
 * run object by object.
 */
public interface FusibleLaw extends Law {
  /**
   * The constants of this law's binders: laws of the same class with equal binder constants bind the
   * same objects in the same order and may run in one {@link #applyAll}. Do not modify.
   */
  int[] binderConstants();

  /**
   * Runs {@code laws[members[0]], ..., laws[members[count - 1]]} (model indexes, ascending, the first
   * this law; every one of this class with equal {@link #binderConstants}) on {@code frame}: calls
   * {@code out.law(m)} before law m's opinions, and emits what each law's {@link #apply} emits. A law
   * over its binding budget throws as its {@code apply} would, named after the first law.
   */
  void applyAll(Frame frame, GroupSink out, Law[] laws, int[] members, int count);
}
