package dev.nomos.compiler.codegen.internal;

/** JVM names the generated code refers to; every one is inside what the model-jar verifier allows. */
final class Names {
  static final String OBJECT = "java/lang/Object";
  static final String LAW = "dev/nomos/runtime/Law";
  static final String SCOPE = "dev/nomos/runtime/LawScope";
  static final String SCOPE_DESC = "L" + SCOPE + ";";
  static final String FRAME = "dev/nomos/runtime/Frame";
  static final String SINK = "dev/nomos/runtime/OpinionSink";
  static final String GROUP_SINK = "dev/nomos/runtime/GroupSink";
  static final String FUSIBLE_LAW = "dev/nomos/runtime/FusibleLaw";
  static final String ONE_LOOP_LAW = "dev/nomos/runtime/OneLoopLaw";
  static final String BUDGET_EXCEPTION = "dev/nomos/runtime/BindingBudgetExceededException";
  static final String ARITHMETIC = "dev/nomos/stdlib/Arithmetic";
  static final String GEOMETRY = "dev/nomos/stdlib/Geometry";

  static final String APPLY_DESC = "(L" + FRAME + ";L" + SINK + ";)V";
  static final String APPLY_ALL_DESC = "(L" + FRAME + ";L" + GROUP_SINK + ";[L" + LAW + ";[II)V";
  static final String APPLY_ALL_TO_DESC = "(L" + FRAME + ";L" + GROUP_SINK + ";[L" + LAW + ";[III)V";
  static final String GEOMETRY_DESC = "(L" + FRAME + ";II)";

  private Names() {}
}
