package dev.nomos.compiler.interp;

/**
 * A plan expression prepared for evaluation. Every expression yields an int: bools are 0 or 1 and
 * objects are frame indexes, as in the plan IR, so the hot path never boxes.
 */
abstract class Eval {
  abstract int eval(Env env);

  final boolean test(Env env) {
    return eval(env) != 0;
  }
}
