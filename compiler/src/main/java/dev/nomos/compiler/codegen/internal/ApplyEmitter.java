package dev.nomos.compiler.codegen.internal;

import static org.objectweb.asm.Opcodes.*;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.TouchingScan;
import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.Slots;
import dev.nomos.stdlib.Side;
import dev.nomos.stdlib.StdlibFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits the body of {@code apply(Frame, OpinionSink)} for one plan, following the execution order the
 * plan IR's javadoc fixes. Every value is a primitive int on the operand stack or in a local slot;
 * binders are counted loops over the frame's per-type index arrays, so a binding costs no allocation.
 *
 * <p>Constants of the plan are read from instance fields ({@link #lift}), so that laws of one shape
 * share their bytecode.
 *
 * <p>Locals: 0 this, 1 the frame, 2 the sink, 3-4 the binding count (an int, or a long for budgets
 * beyond int range), then one int per object variable, one per history-aggregate counter, then
 * scratch slots handed out once each (so no slot ever holds two types and frames need no
 * common-superclass reasoning).
 */
final class ApplyEmitter {
  private static final int FRAME = 1;
  private static final int OUT = 2;
  /** In {@code applyAll}: the laws of the model, the members to run and how many there are. */
  private static final int LAWS = 3;
  private static final int MEMBERS = 4;
  private static final int MEMBER_COUNT = 5;

  /** The local of the binding count: after the parameters of apply (3) or of applyAll (6). */
  private final int countSlot;
  /** The local of the first object variable, after the binding count's two slots. */
  private final int firstVar;
  /** Whether this emits {@code applyAll} (every member's guard and effects per binding) instead of apply. */
  private final boolean fused;
  /** Whether this emits {@code applyAllTo}: the members on one binding the caller gives. */
  private final boolean oneBinding;
  /** In {@code applyAllTo}: the object the loop's variable is bound to. */
  private static final int OBJECT = 6;
  /** The local whose instance holds the constants read now: this, or in applyAll the member running. */
  private int constantsHolder = 0;
  /**
   * In applyAll, the innermost contact loop whose side and cover each member tests (its pair array's
   * local and the pair's index there), or null.
   */
  private Loop.Contact touchingContact;
  private int[] touchingPair;
  /** In applyAll, the local counting through the members. */
  private int memberIndex;
  /**
   * In applyAll's member loop, the locals of the values members share ({@link #shared}), which are
   * forgotten per binding; null elsewhere.
   */
  private List<Integer> sharedLocals;
  /** Whether a shared value's own code is being emitted (values inside it are not shared again). */
  private boolean sharing;
  /** Whether the code being emitted is the guard and effects (per member in applyAll) rather than the binders. */
  private boolean inBody;
  /** The constants read by the binders, by their field number (see {@link #binderConstants}). */
  private final List<Integer> binderConstants = new ArrayList<>();

  private final MethodVisitor mv;
  private final String owner;
  /** The plan's constants in the order the code reads them: field c{i} holds ints[i]. */
  private final List<Integer> ints;
  private final List<Double> doubles;
  private final LawPlan plan;
  private final long budget;
  /** Budgets that fit an int count in an int (cheaper per visit); larger ones in a long. */
  private final boolean intCount;
  private final List<Integer> boundVars = new ArrayList<>();
  private int nextScratch;
  /** The local holding the frame expressions read: frame t, or t-k inside a quantifier read at t-k. */
  private int frameSlot = FRAME;
  /** The local of each object variable; inside a quantifier read at t-k, those mapped to that frame. */
  private int[] varSlots;

  ApplyEmitter(MethodVisitor mv, String owner, LawPlan plan, long budget, List<Integer> ints,
      List<Double> doubles) {
    this(mv, owner, plan, budget, ints, doubles, false);
  }

  /**
   * With {@code fused}, the body of {@code applyAll(Frame, GroupSink, Law[] laws, int[] members, int
   * count)} ({@link dev.nomos.runtime.FusibleLaw}): the binders once, reading this law's constants, and
   * per binding every member's guard and effects, reading the member's, each after {@code out.law(m)}.
   * Throws {@link NotFusible} for a law whose guard or effects count bindings of their own or create
   * objects.
   */
  ApplyEmitter(MethodVisitor mv, String owner, LawPlan plan, long budget, List<Integer> ints,
      List<Double> doubles, boolean fused) {
    this(mv, owner, plan, budget, ints, doubles, fused, false);
  }

  /**
   * With {@code oneBinding} (a fused plan of one {@code for} loop), the body of {@code applyAllTo(Frame,
   * GroupSink, Law[] laws, int[] members, int count, int object)} ({@link dev.nomos.runtime.OneLoopLaw}):
   * the loop's variable bound to {@code object}, then every member's guard and effects as in
   * applyAll; the binder's constants are numbered as there but not read.
   */
  ApplyEmitter(MethodVisitor mv, String owner, LawPlan plan, long budget, List<Integer> ints,
      List<Double> doubles, boolean fused, boolean oneBinding) {
    this.fused = fused || oneBinding;
    this.oneBinding = oneBinding;
    this.countSlot = oneBinding ? 7 : fused ? 6 : 3;
    this.firstVar = countSlot + 2;
    this.mv = mv;
    this.owner = owner;
    this.ints = ints;
    this.doubles = doubles;
    this.plan = plan;
    this.budget = budget;
    this.intCount = budget < Integer.MAX_VALUE;
    this.nextScratch = firstVar + plan.objectVars() + plan.intLocals();
    this.varSlots = new int[plan.objectVars()];
    for (int v = 0; v < varSlots.length; v++) {
      varSlots[v] = firstVar + v;
    }
  }

  void emit() {
    mv.visitCode();
    if (intCount) {
      pushInt(0);
      mv.visitVarInsn(ISTORE, countSlot);
    } else {
      mv.visitInsn(LCONST_0);
      mv.visitVarInsn(LSTORE, countSlot);
    }
    if (oneBinding) {
      bindGivenObject();
    } else {
      emitLoops(0);
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  // ---------------------------------------------------------------- binders

  /** applyAllTo's body: the one loop's variable is the object given, its type's constant numbered as the loop reads it. */
  private void bindGivenObject() {
    if (plan.loops().size() != 1 || !(plan.loops().get(0) instanceof Loop.Each each)) {
      throw new IllegalArgumentException("law " + plan.name() + " has no single for loop to bind one object of");
    }
    if (each.type() != Loop.ANY_TYPE) {
      binderConstants.add(ints.size());
      ints.add(each.type());
    }
    mv.visitVarInsn(ILOAD, OBJECT);
    mv.visitVarInsn(ISTORE, varSlot(each.var()));
    boundVars.add(each.var());
    emitGuardedEffects();
    boundVars.remove(boundVars.size() - 1);
  }

  private void emitLoops(int depth) {
    if (depth == plan.loops().size()) {
      emitGuardedEffects();
      return;
    }
    Loop loop = plan.loops().get(depth);
    if (loop instanceof Loop.Each each) {
      forEachBinding(each.var(), () -> loadCandidates(each.type()), next -> emitLoops(depth + 1));
    } else if (loop instanceof Loop.Contact contact) {
      // Innermost, a contact's side and cover decide nothing the loop counts: in applyAll each member tests its own.
      forEachContactPair(contact, fused && depth == plan.loops().size() - 1, next -> emitLoops(depth + 1));
    } else {
      throw new IllegalArgumentException("unknown loop " + loop);
    }
  }

  /**
   * A loop binding {@code var} to each candidate {@code loadCandidates} pushes, in order, skipping objects bound
   * by enclosing loops; {@code body} receives the label that continues with the next candidate.
   */
  private void forEachBinding(int var, Runnable loadCandidates, Consumer<Label> body) {
    int[] enclosing = boundVars.stream().mapToInt(Integer::intValue).toArray();
    forEachCandidate(var, loadCandidates, enclosing, next -> {
      boundVars.add(var);
      body.accept(next);
      boundVars.remove(boundVars.size() - 1);
    });
  }

  /**
   * A counted loop over the candidates {@code loadCandidates} pushes (an int[] in ascending id order): each one counts toward the
   * budget, is stored in {@code var} and skipped when it equals the object of one of {@code skipped};
   * {@code body} receives the label that continues with the next candidate.
   */
  private void forEachCandidate(int var, Runnable loadCandidates, int[] skipped, Consumer<Label> body) {
    int array = scratch();
    int index = scratch();
    loadCandidates.run();
    mv.visitVarInsn(ASTORE, array);
    pushInt(0);
    mv.visitVarInsn(ISTORE, index);
    Label test = new Label();
    Label top = new Label();
    Label next = new Label();
    mv.visitJumpInsn(GOTO, test);
    mv.visitLabel(top);
    bindCandidate(var, array, index, 0, 1, skipped, next, body);
    mv.visitLabel(test);
    mv.visitVarInsn(ILOAD, index);
    mv.visitVarInsn(ALOAD, array);
    mv.visitInsn(ARRAYLENGTH);
    mv.visitJumpInsn(IF_ICMPLT, top);
  }

  /**
   * The step of a candidate loop: counts the candidate at {@code offset} past the index in local
   * {@code index} of the array in local {@code array}, binds it to {@code var}, skips it when it
   * repeats one of {@code skipped}, runs {@code body}, and at {@code next} moves the index on by
   * {@code stride}.
   */
  private void bindCandidate(int var, int array, int index, int offset, int stride, int[] skipped, Label next,
      Consumer<Label> body) {
    visit();
    mv.visitVarInsn(ALOAD, array);
    mv.visitVarInsn(ILOAD, index);
    if (offset != 0) {
      pushInt(offset);
      mv.visitInsn(IADD);
    }
    mv.visitInsn(IALOAD);
    mv.visitVarInsn(ISTORE, varSlot(var));
    skipIfEqualToAny(var, skipped, next);
    body.accept(next);
    mv.visitLabel(next);
    mv.visitIincInsn(index, stride);
  }

  /**
   * A scan's loop over the objects of {@code type} that touch the object bound to {@code near}
   * ({@link TouchingScan}): the pairs of that object in {@code Frame.contacts(type of near, type)}
   * that touch, in their order, each visited, then skipped when it repeats a variable of
   * {@code skipped}; {@code body} receives the label that continues with the next pair.
   */
  private void forEachTouching(int var, int type, int near, int[] skipped, Consumer<Label> body) {
    int array = scratch();
    int index = scratch();
    mv.visitVarInsn(ALOAD, frameSlot);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ILOAD, varSlot(near));
    mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "type", "(I)I", false);
    lift(type);
    mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "contacts", "(II)[I", false);
    mv.visitVarInsn(ASTORE, array);
    mv.visitVarInsn(ALOAD, frameSlot);
    mv.visitVarInsn(ALOAD, array);
    mv.visitVarInsn(ILOAD, varSlot(near));
    mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "contactsOf", "([II)I", false);
    mv.visitVarInsn(ISTORE, index);
    Label test = new Label();
    Label top = new Label();
    Label next = new Label();
    Label done = new Label();
    mv.visitJumpInsn(GOTO, test);
    mv.visitLabel(top);
    skipUnlessTouching(array, index, next);
    bindCandidate(var, array, index, 1, 3, skipped, next, body);
    mv.visitLabel(test);
    mv.visitVarInsn(ILOAD, index);
    mv.visitVarInsn(ALOAD, array);
    mv.visitInsn(ARRAYLENGTH);
    mv.visitJumpInsn(IF_ICMPGE, done);
    mv.visitVarInsn(ALOAD, array);
    mv.visitVarInsn(ILOAD, index);
    mv.visitInsn(IALOAD);
    mv.visitVarInsn(ILOAD, varSlot(near));
    mv.visitJumpInsn(IF_ICMPEQ, top);
    mv.visitLabel(done);
  }

  /**
   * Skips to {@code next} unless the pair touches as the loop asks: its side from the frame's
   * {@code contacts} (at {@code index + 2} of the array in local {@code contacts}) is the one asked
   * for, or any but NONE, which is what {@code Geometry.touching} and {@code Geometry.side} answer.
   */
  private void emitContactTests(Loop.Contact contact, int contacts, int index, Label next) {
    mv.visitVarInsn(ALOAD, contacts);
    mv.visitVarInsn(ILOAD, index);
    pushInt(2);
    mv.visitInsn(IADD);
    mv.visitInsn(IALOAD);
    if (contact.side() != Side.NONE.ordinal()) {
      lift(contact.side());
      mv.visitJumpInsn(IF_ICMPNE, next);
    } else {
      pushInt(Side.NONE.ordinal());
      mv.visitJumpInsn(IF_ICMPEQ, next);
    }
    if (contact.minCoverPercent() > 0) {
      geometry("cover", "I", contact.varA(), contact.varB());
      lift(contact.minCoverPercent());
      mv.visitJumpInsn(IF_ICMPLT, next);
    }
  }

  /** Skips to {@code next} when the pair at {@code index} of the contacts in local {@code contacts} does not touch. */
  private void skipUnlessTouching(int contacts, int index, Label next) {
    mv.visitVarInsn(ALOAD, contacts);
    mv.visitVarInsn(ILOAD, index);
    pushInt(2);
    mv.visitInsn(IADD);
    mv.visitInsn(IALOAD);
    pushInt(Side.NONE.ordinal());
    mv.visitJumpInsn(IF_ICMPEQ, next);
  }

  private void geometry(String method, String returnDescriptor, int varA, int varB) {
    mv.visitVarInsn(ALOAD, frameSlot);
    mv.visitVarInsn(ILOAD, varSlot(varA));
    mv.visitVarInsn(ILOAD, varSlot(varB));
    mv.visitMethodInsn(INVOKESTATIC, Names.GEOMETRY, method, Names.GEOMETRY_DESC + returnDescriptor, false);
  }

  /** Pushes {@code Frame.ofType(type)}, or {@code Frame.all()} for {@code Object}. */
  private void loadCandidates(int type) {
    mv.visitVarInsn(ALOAD, frameSlot);
    if (type == Loop.ANY_TYPE) {
      mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "all", "()[I", false);
    } else {
      lift(type);
      mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "ofType", "(I)[I", false);
    }
  }

  /**
   * A loop over {@code Frame.contacts(typeA, typeB)} (each pair with its side): each pair counts toward the budget, binds
   * both variables and is skipped when a repeats an object of an enclosing loop, or b repeats a or
   * one of them; {@code body} receives the label that continues with the next pair.
   */
  private void forEachContactPair(Loop.Contact contact, boolean memberSides, Consumer<Label> body) {
    int[] enclosing = boundVars.stream().mapToInt(Integer::intValue).toArray();
    int array = scratch();
    int index = scratch();
    mv.visitVarInsn(ALOAD, frameSlot);
    lift(contact.typeA());
    lift(contact.typeB());
    mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "contacts", "(II)[I", false);
    mv.visitVarInsn(ASTORE, array);
    pushInt(0);
    mv.visitVarInsn(ISTORE, index);
    Label test = new Label();
    Label top = new Label();
    Label next = new Label();
    mv.visitJumpInsn(GOTO, test);
    mv.visitLabel(top);
    visit();
    mv.visitVarInsn(ALOAD, array);
    mv.visitVarInsn(ILOAD, index);
    mv.visitInsn(IALOAD);
    mv.visitVarInsn(ISTORE, varSlot(contact.varA()));
    skipIfEqualToAny(contact.varA(), enclosing, next);
    mv.visitVarInsn(ALOAD, array);
    mv.visitVarInsn(ILOAD, index);
    pushInt(1);
    mv.visitInsn(IADD);
    mv.visitInsn(IALOAD);
    mv.visitVarInsn(ISTORE, varSlot(contact.varB()));
    skipIfEqualToAny(contact.varB(), enclosing, next);
    skipIfEqualToAny(contact.varB(), new int[] {contact.varA()}, next);
    if (memberSides) {
      touchingPair = new int[] {array, index};
      touchingContact = contact;
      skipUnlessTouching(array, index, next);
    } else {
      emitContactTests(contact, array, index, next);
    }
    boundVars.add(contact.varA());
    boundVars.add(contact.varB());
    body.accept(next);
    boundVars.remove(boundVars.size() - 1);
    boundVars.remove(boundVars.size() - 1);
    mv.visitLabel(next);
    mv.visitIincInsn(index, 3);
    mv.visitLabel(test);
    mv.visitVarInsn(ILOAD, index);
    mv.visitVarInsn(ALOAD, array);
    mv.visitInsn(ARRAYLENGTH);
    mv.visitJumpInsn(IF_ICMPLT, top);
  }

  private void skipIfEqualToAny(int var, int[] others, Label next) {
    for (int other : others) {
      mv.visitVarInsn(ILOAD, varSlot(var));
      mv.visitVarInsn(ILOAD, varSlot(other));
      mv.visitJumpInsn(IF_ICMPEQ, next);
    }
  }

  /** Counts one visited candidate and throws once over budget (see BindingBudgetExceededException). */
  private void visit() {
    notFusible();
    Label withinBudget = new Label();
    if (intCount) {
      mv.visitIincInsn(countSlot, 1);
      mv.visitVarInsn(ILOAD, countSlot);
      pushInt((int) budget);
      mv.visitJumpInsn(IF_ICMPLE, withinBudget);
    } else {
      mv.visitVarInsn(LLOAD, countSlot);
      mv.visitInsn(LCONST_1);
      mv.visitInsn(LADD);
      mv.visitInsn(DUP2);
      mv.visitVarInsn(LSTORE, countSlot);
      mv.visitLdcInsn(budget);
      mv.visitInsn(LCMP);
      mv.visitJumpInsn(IFLE, withinBudget);
    }
    mv.visitTypeInsn(NEW, Names.BUDGET_EXCEPTION);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, owner, LawClassGenerator.NAME_FIELD, "Ljava/lang/String;");
    if (intCount) {
      mv.visitVarInsn(ILOAD, countSlot);
      mv.visitInsn(I2L);
    } else {
      mv.visitVarInsn(LLOAD, countSlot);
    }
    mv.visitLdcInsn(budget);
    mv.visitMethodInsn(INVOKESPECIAL, Names.BUDGET_EXCEPTION, "<init>", "(Ljava/lang/String;JJ)V", false);
    mv.visitInsn(ATHROW);
    mv.visitLabel(withinBudget);
  }

  /**
   * With a frame and a type index on the stack, charges the objects a stdlib scan over that type
   * looks at to the binding count ({@code BindingBudgetExceededException.charge}, shared with the
   * interpreter), leaving the stack as it was before them.
   */
  private void chargeScan() {
    notFusible();
    mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "scanCount", "(I)I", false);
    int n = scratch();
    mv.visitVarInsn(ISTORE, n);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, owner, LawClassGenerator.NAME_FIELD, "Ljava/lang/String;");
    if (intCount) {
      mv.visitVarInsn(ILOAD, countSlot);
      mv.visitInsn(I2L);
    } else {
      mv.visitVarInsn(LLOAD, countSlot);
    }
    mv.visitVarInsn(ILOAD, n);
    mv.visitLdcInsn(budget);
    mv.visitMethodInsn(INVOKESTATIC, Names.BUDGET_EXCEPTION, "charge", "(Ljava/lang/String;JIJ)J", false);
    if (intCount) {
      mv.visitInsn(L2I);
      mv.visitVarInsn(ISTORE, countSlot);
    } else {
      mv.visitVarInsn(LSTORE, countSlot);
    }
  }

  // ---------------------------------------------------------------- effects

  private void emitGuardedEffects() {
    inBody = true;
    if (fused) {
      forEachMember(this::emitGuardAndEffects);
    } else {
      emitGuardAndEffects();
    }
    inBody = false;
  }

  private void emitGuardAndEffects() {
    Label skip = new Label();
    if (touchingContact != null) {
      emitContactTests(touchingContact, touchingPair[0], touchingPair[1], skip);
    }
    if (plan.guard() != null) { // a law without `when` may come with no guard at all
      jumpIf(plan.guard(), false, skip);
    }
    if (fused) {
      // The sink learns whose opinions follow only once the guard holds: most members' guards fail.
      mv.visitVarInsn(ALOAD, OUT);
      mv.visitVarInsn(ALOAD, MEMBERS);
      mv.visitVarInsn(ILOAD, memberIndex);
      mv.visitInsn(IALOAD);
      mv.visitMethodInsn(INVOKEINTERFACE, Names.GROUP_SINK, "law", "(I)V", true);
    }
    for (PEffect effect : plan.effects()) {
      emitEffect(effect);
    }
    mv.visitLabel(skip);
  }

  /**
   * For m in {@code members[0, count)}: {@code body} reading the constants of {@code laws[m]}. The
   * values members share ({@link #shared}) are forgotten first, once per binding: that code is
   * emitted after the body, once every shared value's locals are known, and jumped to before the loop.
   */
  private void forEachMember(Runnable body) {
    int index = scratch();
    memberIndex = index;
    int member = scratch();
    Label forget = new Label();
    Label members = new Label();
    Label after = new Label();
    sharedLocals = new ArrayList<>();
    mv.visitJumpInsn(GOTO, forget);
    mv.visitLabel(members);
    pushInt(0);
    mv.visitVarInsn(ISTORE, index);
    Label test = new Label();
    Label top = new Label();
    mv.visitJumpInsn(GOTO, test);
    mv.visitLabel(top);
    mv.visitVarInsn(ALOAD, LAWS);
    mv.visitVarInsn(ALOAD, MEMBERS);
    mv.visitVarInsn(ILOAD, index);
    mv.visitInsn(IALOAD);
    mv.visitInsn(AALOAD);
    mv.visitTypeInsn(CHECKCAST, owner);
    mv.visitVarInsn(ASTORE, member);
    constantsHolder = member;
    body.run();
    constantsHolder = 0;
    mv.visitIincInsn(index, 1);
    mv.visitLabel(test);
    mv.visitVarInsn(ILOAD, index);
    mv.visitVarInsn(ILOAD, MEMBER_COUNT);
    mv.visitJumpInsn(IF_ICMPLT, top);
    mv.visitJumpInsn(GOTO, after);
    // Every local of a shared value is set before the members run, so that each is assigned on every path.
    mv.visitLabel(forget);
    for (int local : sharedLocals) {
      pushInt(0);
      mv.visitVarInsn(ISTORE, local);
    }
    mv.visitJumpInsn(GOTO, members);
    mv.visitLabel(after);
    sharedLocals = null;
  }

  /**
   * Pushes the value of {@code e} ({@link SharedValues#shareable}) as the first member of this
   * binding that read the same constants in it worked it out, or works it out and keeps it with those
   * constants. Its code reads the constants in fields {@code [first, end)} ({@link #lift} numbers
   * them in reading order), so the check against the kept ones is emitted after it and jumped to first.
   */
  private void shared(PExpr e) {
    int known = scratch();
    int value = scratch();
    sharedLocals.add(known);
    sharedLocals.add(value);
    Label check = new Label();
    Label compute = new Label();
    Label done = new Label();
    int first = ints.size();
    mv.visitJumpInsn(GOTO, check);
    mv.visitLabel(compute);
    sharing = true;
    value(e);
    sharing = false;
    int end = ints.size();
    int[] kept = new int[end - first];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = scratch();
      sharedLocals.add(kept[i]);
    }
    mv.visitInsn(DUP);
    mv.visitVarInsn(ISTORE, value);
    pushInt(1);
    mv.visitVarInsn(ISTORE, known);
    for (int i = 0; i < kept.length; i++) {
      loadConstantField(first + i);
      mv.visitVarInsn(ISTORE, kept[i]);
    }
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(check);
    mv.visitVarInsn(ILOAD, known);
    mv.visitJumpInsn(IFEQ, compute);
    for (int i = 0; i < kept.length; i++) {
      loadConstantField(first + i);
      mv.visitVarInsn(ILOAD, kept[i]);
      mv.visitJumpInsn(IF_ICMPNE, compute);
    }
    mv.visitVarInsn(ILOAD, value);
    mv.visitLabel(done);
  }

  /** Field numbers of the int constants the binders read ({@code c<i>}), in the order first read. */
  List<Integer> binderConstants() {
    return binderConstants;
  }

  /** In applyAll, a guard or effect that the members could not share a binding count for (or that creates). */
  private void notFusible() {
    if (fused && inBody) {
      throw new NotFusible();
    }
  }

  /** The law's guard or effects count bindings of their own or create objects: it gets no applyAll. */
  static final class NotFusible extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFusible() {
      super(null, null, false, false);
    }
  }

  private void emitEffect(PEffect effect) {
    if (effect instanceof PEffect.Exact e) {
      targetArgs(e.var(), e.slot());
      value(e.value());
      sink("exact", "(III)V");
    } else if (effect instanceof PEffect.Range r) {
      targetArgs(r.var(), r.slot());
      value(r.low());
      value(r.high());
      sink("range", "(IIII)V");
    } else if (effect instanceof PEffect.Choice c) {
      targetArgs(c.var(), c.slot());
      sink("beginChoice", "(II)V");
      double[] weights = c.weights();
      for (int i = 0; i < c.values().size(); i++) {
        mv.visitVarInsn(ALOAD, OUT);
        value(c.values().get(i));
        liftDouble(weights[i]);
        sink("choice", "(ID)V");
      }
      mv.visitVarInsn(ALOAD, OUT);
      sink("endChoice", "()V");
    } else if (effect instanceof PEffect.Joint j) {
      notFusible();
      mv.visitVarInsn(ALOAD, OUT);
      mv.visitVarInsn(ILOAD, varSlot(j.var()));
      sink("beginJoint", "(I)V");
      double[] weights = j.weights();
      for (int a = 0; a < j.values().size(); a++) {
        mv.visitVarInsn(ALOAD, OUT);
        liftDouble(weights[a]);
        sink("jointAlternative", "(D)V");
        for (int i = 0; i < j.slots().length; i++) {
          mv.visitVarInsn(ALOAD, OUT);
          lift(j.slots()[i]);
          value(j.values().get(a).get(i));
          sink("jointValue", "(II)V");
        }
      }
      mv.visitVarInsn(ALOAD, OUT);
      sink("endJoint", "()V");
    } else if (effect instanceof PEffect.ComputedChoice c) {
      targetArgs(c.var(), c.slot());
      sink("beginChoice", "(II)V");
      for (int i = 0; i < c.values().size(); i++) {
        mv.visitVarInsn(ALOAD, OUT);
        value(c.values().get(i));
        value(c.weights().get(i));
        mv.visitInsn(I2D);
        liftDouble(c.scales()[i]);
        mv.visitInsn(DMUL);
        sink("choice", "(ID)V");
      }
      mv.visitVarInsn(ALOAD, OUT);
      sink("endChoice", "()V");
    } else if (effect instanceof PEffect.If i) {
      Label otherwise = new Label();
      Label end = new Label();
      jumpIf(i.condition(), false, otherwise);
      emitEffect(i.then());
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(otherwise);
      if (i.otherwise() != null) {
        emitEffect(i.otherwise());
      }
      mv.visitLabel(end);
    } else if (effect instanceof PEffect.Spawn s) {
      notFusible();
      mv.visitVarInsn(ALOAD, OUT);
      lift(s.type());
      value(s.x());
      value(s.y());
      sink("spawn", "(III)V");
    } else if (effect instanceof PEffect.Create c) {
      beginSpawn(c.type(), c.probability(), c.chance());
      double[] weights = c.weights();
      for (int i = 0; i < c.xs().size(); i++) {
        mv.visitVarInsn(ALOAD, OUT);
        value(c.xs().get(i));
        value(c.ys().get(i));
        liftDouble(weights[i]);
        sink("place", "(IID)V");
      }
      mv.visitVarInsn(ALOAD, OUT);
      sink("endSpawn", "()V");
    } else if (effect instanceof PEffect.CreateRange r) {
      beginSpawn(r.type(), r.probability(), r.chance());
      mv.visitVarInsn(ALOAD, OUT);
      value(r.x0());
      value(r.y0());
      value(r.x1());
      value(r.y1());
      sink("placeRange", "(IIII)V");
      mv.visitVarInsn(ALOAD, OUT);
      sink("endSpawn", "()V");
    } else {
      throw new IllegalArgumentException("unknown effect " + effect);
    }
  }

  private void beginSpawn(int type, double probability, int chance) {
    notFusible();
    mv.visitVarInsn(ALOAD, OUT);
    lift(type);
    liftDouble(probability);
    lift(chance);
    sink("beginSpawn", "(IDI)V");
  }

  private void targetArgs(int var, int slot) {
    mv.visitVarInsn(ALOAD, OUT);
    if (var == PEffect.WORLD) {
      lift(dev.nomos.runtime.OpinionSink.WORLD);
    } else {
      mv.visitVarInsn(ILOAD, varSlot(var));
    }
    lift(slot);
  }

  private void sink(String method, String descriptor) {
    mv.visitMethodInsn(INVOKEINTERFACE, Names.SINK, method, descriptor, true);
  }

  // ---------------------------------------------------------------- expressions as values

  /** Pushes the int value of {@code e} (bools as 0 or 1, objects as their frame index). */
  private void value(PExpr e) {
    if (sharedLocals != null && !sharing && SharedValues.shareable(e)) {
      shared(e);
      return;
    }
    if (e instanceof PExpr.Const c) {
      if (c.type() == PType.BOOL) {
        pushInt(c.value());
      } else {
        lift(c.value());
      }
    } else if (e instanceof PExpr.ObjectVar v) {
      mv.visitVarInsn(ILOAD, varSlot(v.var()));
    } else if (e instanceof PExpr.Attr a) {
      attr(a);
    } else if (e instanceof PExpr.Velocity v) {
      velocity(v);
    } else if (e instanceof PExpr.Action a) {
      mv.visitVarInsn(ALOAD, frameSlot);
      if (a.stepsBack() == null) {
        mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "action", "()I", false);
      } else {
        value(a.stepsBack());
        mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "actionAt", "(I)I", false);
      }
    } else if (e instanceof PExpr.Local l) {
      mv.visitVarInsn(ILOAD, localSlot(l.index()));
    } else if (e instanceof PExpr.Step) {
      mv.visitVarInsn(ALOAD, frameSlot);
      mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "step", "()I", false);
    } else if (e instanceof PExpr.Call c) {
      call(c);
    } else if (e instanceof PExpr.CallAt c) {
      callAt(c);
    } else if (e instanceof PExpr.Unary u) {
      value(u.operand());
      if (u.op() == PExpr.UnaryOp.NEG) {
        mv.visitInsn(INEG);
      } else {
        pushInt(1);
        mv.visitInsn(IXOR);
      }
    } else if (e instanceof PExpr.Binary b) {
      binary(b);
    } else if (e instanceof PExpr.If i) {
      Label otherwise = new Label();
      Label end = new Label();
      jumpIf(i.condition(), false, otherwise);
      value(i.then());
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(otherwise);
      value(i.otherwise());
      mv.visitLabel(end);
    } else if (e instanceof PExpr.InSet s) {
      inSet(s);
    } else if (e instanceof PExpr.InRange r) {
      inRange(r);
    } else if (e instanceof PExpr.Exists x) {
      scan(x.var(), x.entityType(), x.excluded(), x.where(), false);
    } else if (e instanceof PExpr.CountWhere c) {
      scan(c.var(), c.entityType(), c.excluded(), c.where(), true);
    } else if (e instanceof PExpr.CountType c) {
      mv.visitVarInsn(ALOAD, frameSlot);
      if (c.entityType() == Loop.ANY_TYPE) {
        mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "size", "()I", false);
      } else {
        lift(c.entityType());
        mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "ofType", "(I)[I", false);
        mv.visitInsn(ARRAYLENGTH);
      }
    } else if (e instanceof PExpr.HistoryAggregate h) {
      historyAggregate(h);
    } else if (e instanceof PExpr.Earlier x) {
      earlier(x);
    } else if (e instanceof PExpr.Next x) {
      next(x);
    } else {
      throw new IllegalArgumentException("unknown expression " + e);
    }
  }

  private void attr(PExpr.Attr a) {
    if (a.slot() == Slots.ALIVE) {
      throw new IllegalArgumentException("law " + plan.name() + " reads the presence pseudo-slot");
    }
    mv.visitVarInsn(ALOAD, frameSlot);
    mv.visitVarInsn(ILOAD, varSlot(a.var()));
    lift(a.slot());
    if (a.stepsBack() == null) {
      mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "get", "(II)I", false);
    } else {
      value(a.stepsBack());
      mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "getAt", "(III)I", false);
    }
  }

  private void velocity(PExpr.Velocity v) {
    String axis = v.axis() == Slots.X ? "vx" : "vy";
    if (v.axis() != Slots.X && v.axis() != Slots.Y) {
      throw new IllegalArgumentException("law " + plan.name() + ": velocity axis " + v.axis());
    }
    mv.visitVarInsn(ALOAD, frameSlot);
    mv.visitVarInsn(ILOAD, varSlot(v.var()));
    if (v.stepsBack() == null) {
      mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, axis, "(I)I", false);
    } else {
      value(v.stepsBack());
      mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, axis + "At", "(II)I", false);
    }
  }

  private void call(PExpr.Call c) {
    StdlibFunction f = c.function();
    if (f.scannedTypeParam() >= 0) {
      // The type argument is a constant, so evaluating it here too is what the interpreter does first.
      mv.visitVarInsn(ALOAD, frameSlot);
      value(c.args().get(f.scannedTypeParam()));
      chargeScan();
    }
    if (f.takesFrame()) {
      mv.visitVarInsn(ALOAD, frameSlot);
    }
    for (PExpr arg : c.args()) {
      value(arg);
    }
    mv.visitMethodInsn(INVOKESTATIC, f.ownerInternalName(), f.javaName(), f.descriptor(), false);
  }

  /**
   * A call at frame t-k, in the interpreter's order: k, then each argument, an object mapped with
   * {@code Frame.indexBack} and tested at once; the absent value at the first object not there.
   */
  private void callAt(PExpr.CallAt c) {
    StdlibFunction f = c.call().function();
    if (!f.takesFrame()) {
      throw new IllegalArgumentException("law " + plan.name() + " calls " + f.name() + " at an earlier frame");
    }
    int k = scratch();
    value(c.stepsBack());
    mv.visitVarInsn(ISTORE, k);
    Label absent = new Label();
    Label end = new Label();
    List<PExpr> args = c.call().args();
    int[] slots = new int[args.size()];
    for (int i = 0; i < args.size(); i++) {
      slots[i] = scratch();
      boolean object = f.params().get(i).type() == dev.nomos.stdlib.ParamType.OBJECT;
      if (object) {
        mv.visitVarInsn(ALOAD, frameSlot);
      }
      value(args.get(i));
      if (object) {
        mv.visitVarInsn(ILOAD, k);
        mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "indexBack", "(II)I", false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, slots[i]);
        mv.visitJumpInsn(IFLT, absent);
      } else {
        mv.visitVarInsn(ISTORE, slots[i]);
      }
    }
    if (f.scannedTypeParam() >= 0) {
      mv.visitVarInsn(ALOAD, frameSlot);
      mv.visitVarInsn(ILOAD, k);
      mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "back", "(I)L" + Names.FRAME + ";", false);
      mv.visitVarInsn(ILOAD, slots[f.scannedTypeParam()]);
      chargeScan();
    }
    mv.visitVarInsn(ALOAD, frameSlot);
    mv.visitVarInsn(ILOAD, k);
    mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "back", "(I)L" + Names.FRAME + ";", false);
    for (int slot : slots) {
      mv.visitVarInsn(ILOAD, slot);
    }
    mv.visitMethodInsn(INVOKESTATIC, f.ownerInternalName(), f.javaName(), f.descriptor(), false);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(absent);
    lift(f.absent());
    mv.visitLabel(end);
  }

  private void binary(PExpr.Binary b) {
    switch (b.op()) {
      case ADD, SUB, MUL -> {
        value(b.left());
        value(b.right());
        mv.visitInsn(b.op() == PExpr.BinaryOp.ADD ? IADD : b.op() == PExpr.BinaryOp.SUB ? ISUB : IMUL);
      }
      case DIV, MOD -> {
        value(b.left());
        value(b.right());
        mv.visitMethodInsn(INVOKESTATIC, Names.ARITHMETIC, b.op() == PExpr.BinaryOp.DIV ? "div" : "mod", "(II)I",
            false);
      }
      default -> materialize(b);
    }
  }

  /** Pushes 1 if the condition holds, else 0. */
  private void materialize(PExpr condition) {
    Label no = new Label();
    jumpIf(condition, false, no);
    pushOutcome(1, no, 0);
  }

  /**
   * Ends a test that jumped to {@code jumped} for one outcome and fell through for the other:
   * pushes {@code fellThrough} or {@code whenJumped}, whichever way control came.
   */
  private void pushOutcome(int fellThrough, Label jumped, int whenJumped) {
    Label end = new Label();
    pushInt(fellThrough);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(jumped);
    pushInt(whenJumped);
    mv.visitLabel(end);
  }

  private void inSet(PExpr.InSet s) {
    int v = scratch();
    value(s.value());
    mv.visitVarInsn(ISTORE, v);
    Label member = new Label();
    for (PExpr element : s.elements()) {
      mv.visitVarInsn(ILOAD, v);
      value(element);
      mv.visitJumpInsn(IF_ICMPEQ, member);
    }
    pushOutcome(s.negated() ? 1 : 0, member, s.negated() ? 0 : 1);
  }

  private void inRange(PExpr.InRange r) {
    // All three operands are evaluated (value, low, high), as the interpreter does.
    int v = scratch();
    int high = scratch();
    value(r.value());
    mv.visitVarInsn(ISTORE, v);
    value(r.low());
    value(r.high());
    mv.visitVarInsn(ISTORE, high);
    Label outside = new Label();
    mv.visitVarInsn(ILOAD, v);
    mv.visitJumpInsn(IF_ICMPGT, outside);
    mv.visitVarInsn(ILOAD, v);
    mv.visitVarInsn(ILOAD, high);
    mv.visitJumpInsn(IF_ICMPGT, outside);
    pushOutcome(r.negated() ? 0 : 1, outside, r.negated() ? 1 : 0);
  }

  /** {@code exists} (stops at the first match, pushes 0/1) or {@code count ... where} (pushes the count). */
  private void scan(int var, int type, int[] excluded, PExpr where, boolean counting) {
    int found = counting ? scratch() : -1;
    if (counting) {
      pushInt(0);
      mv.visitVarInsn(ISTORE, found);
    }
    Label end = new Label();
    int near = TouchingScan.near(var, where);
    Consumer<Consumer<Label>> candidates = near >= 0
        ? body -> forEachTouching(var, type, near, excluded, body)
        : body -> forEachCandidate(var, () -> loadCandidates(type), excluded, body);
    candidates.accept(next -> {
      if (where != null) {
        jumpIf(where, false, next);
      }
      if (counting) {
        mv.visitIincInsn(found, 1);
      } else {
        pushInt(1);
        mv.visitJumpInsn(GOTO, end);
      }
    });
    if (counting) {
      mv.visitVarInsn(ILOAD, found);
    } else {
      pushInt(0);
    }
    mv.visitLabel(end);
  }

  /**
   * A quantifier at frame t-k, in the interpreter's order: k, the frame (0 if not kept), each read
   * variable mapped and tested, each skipped one mapped; then the body with the frame and those
   * variables' locals switched to the mapped ones.
   */
  private void earlier(PExpr.Earlier x) {
    int k = scratch();
    value(x.stepsBack());
    mv.visitVarInsn(ISTORE, k);
    int then = scratch();
    Label absent = new Label();
    mv.visitVarInsn(ALOAD, frameSlot);
    mv.visitVarInsn(ILOAD, k);
    mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "back", "(I)L" + Names.FRAME + ";", false);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ASTORE, then);
    mv.visitJumpInsn(IFNULL, absent);
    int[] mapped = varSlots.clone();
    for (int v : x.read()) {
      mapped[v] = mapBack(v, k);
      mv.visitJumpInsn(IFLT, absent);
    }
    for (int v : x.skipped()) {
      mapped[v] = mapBack(v, k);
      mv.visitInsn(POP);
    }
    onFrame(then, mapped, x.body(), absent);
  }

  /**
   * {@code next(body)}, in the interpreter's order: the sink's next frame (false if none), each read
   * variable mapped by id and tested, each skipped one mapped; then the body on that frame.
   */
  private void next(PExpr.Next x) {
    notFusible();
    int then = scratch();
    Label absent = new Label();
    mv.visitVarInsn(ALOAD, OUT);
    mv.visitMethodInsn(INVOKEINTERFACE, Names.SINK, "nextFrame", "()L" + Names.FRAME + ";", true);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ASTORE, then);
    mv.visitJumpInsn(IFNULL, absent);
    int[] mapped = varSlots.clone();
    for (int v : x.read()) {
      mapped[v] = mapById(v, then);
      mv.visitJumpInsn(IFLT, absent);
    }
    for (int v : x.skipped()) {
      mapped[v] = mapById(v, then);
      mv.visitInsn(POP);
    }
    onFrame(then, mapped, x.body(), absent);
  }

  /**
   * Pushes {@code body} evaluated with the frame in local {@code frame} and the variables in
   * {@code mapped}, or 0 where control jumped to {@code absent}.
   */
  private void onFrame(int frame, int[] mapped, PExpr body, Label absent) {
    Label end = new Label();
    int outerFrame = frameSlot;
    int[] outerVars = varSlots;
    frameSlot = frame;
    varSlots = mapped;
    value(body);
    frameSlot = outerFrame;
    varSlots = outerVars;
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(absent);
    pushInt(0);
    mv.visitLabel(end);
  }

  /** Stores the index in frame local {@code next} of the object with var's id in a new local, leaving it on the stack. */
  private int mapById(int var, int next) {
    int slot = scratch();
    mv.visitVarInsn(ALOAD, frameSlot);
    mv.visitVarInsn(ALOAD, next);
    mv.visitVarInsn(ILOAD, varSlot(var));
    mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "indexIn", "(L" + Names.FRAME + ";I)I", false);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ISTORE, slot);
    return slot;
  }

  /** Stores {@code Frame.indexBack(var, k)} in a new local, leaves it on the stack too, and returns the local. */
  private int mapBack(int var, int k) {
    int slot = scratch();
    mv.visitVarInsn(ALOAD, frameSlot);
    mv.visitVarInsn(ILOAD, varSlot(var));
    mv.visitVarInsn(ILOAD, k);
    mv.visitMethodInsn(INVOKEVIRTUAL, Names.FRAME, "indexBack", "(II)I", false);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ISTORE, slot);
    return slot;
  }

  private void historyAggregate(PExpr.HistoryAggregate h) {
    int k = localSlot(h.local());
    int tally = h.quantifier() == PExpr.Quantifier.COUNT ? scratch() : -1;
    if (tally >= 0) {
      pushInt(0);
      mv.visitVarInsn(ISTORE, tally);
    }
    lift(h.low());
    mv.visitVarInsn(ISTORE, k);
    Label test = new Label();
    Label top = new Label();
    Label next = new Label();
    Label decided = new Label();
    Label end = new Label();
    mv.visitJumpInsn(GOTO, test);
    mv.visitLabel(top);
    switch (h.quantifier()) {
      case ALL -> jumpIf(h.body(), false, decided);
      case ANY -> jumpIf(h.body(), true, decided);
      case COUNT -> {
        jumpIf(h.body(), false, next);
        mv.visitIincInsn(tally, 1);
      }
    }
    mv.visitLabel(next);
    mv.visitIincInsn(k, 1);
    mv.visitLabel(test);
    mv.visitVarInsn(ILOAD, k);
    lift(h.high());
    mv.visitJumpInsn(IF_ICMPLE, top);
    // The range ran out: ALL held throughout, ANY never held, COUNT is the tally.
    switch (h.quantifier()) {
      case ALL -> pushInt(1);
      case ANY -> pushInt(0);
      case COUNT -> mv.visitVarInsn(ILOAD, tally);
    }
    if (h.quantifier() != PExpr.Quantifier.COUNT) {
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(decided);
      pushInt(h.quantifier() == PExpr.Quantifier.ALL ? 0 : 1);
      mv.visitLabel(end);
    }
  }

  // ---------------------------------------------------------------- expressions as jumps

  /** Jumps to {@code target} when {@code condition} evaluates to {@code when}; falls through otherwise. */
  private void jumpIf(PExpr condition, boolean when, Label target) {
    if (condition instanceof PExpr.Const c) {
      if ((c.value() != 0) == when) {
        mv.visitJumpInsn(GOTO, target);
      }
    } else if (condition instanceof PExpr.Unary u && u.op() == PExpr.UnaryOp.NOT) {
      jumpIf(u.operand(), !when, target);
    } else if (condition instanceof PExpr.Binary b && isLogical(b.op())) {
      boolean and = b.op() == PExpr.BinaryOp.AND;
      if (and != when) {
        // AND jumping on false, OR jumping on true: either side decides alone.
        jumpIf(b.left(), when, target);
        jumpIf(b.right(), when, target);
      } else {
        Label fallThrough = new Label();
        jumpIf(b.left(), !when, fallThrough);
        jumpIf(b.right(), when, target);
        mv.visitLabel(fallThrough);
      }
    } else if (condition instanceof PExpr.Binary b && isComparison(b.op())) {
      value(b.left());
      value(b.right());
      mv.visitJumpInsn(when ? compareOpcode(b.op()) : compareOpcode(negate(b.op())), target);
    } else if (condition instanceof PExpr.If i) {
      Label otherwise = new Label();
      Label end = new Label();
      jumpIf(i.condition(), false, otherwise);
      jumpIf(i.then(), when, target);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(otherwise);
      jumpIf(i.otherwise(), when, target);
      mv.visitLabel(end);
    } else {
      value(condition);
      mv.visitJumpInsn(when ? IFNE : IFEQ, target);
    }
  }

  private static boolean isLogical(PExpr.BinaryOp op) {
    return op == PExpr.BinaryOp.AND || op == PExpr.BinaryOp.OR;
  }

  private static boolean isComparison(PExpr.BinaryOp op) {
    return switch (op) {
      case EQ, NE, LT, LE, GT, GE -> true;
      default -> false;
    };
  }

  private static PExpr.BinaryOp negate(PExpr.BinaryOp op) {
    return switch (op) {
      case EQ -> PExpr.BinaryOp.NE;
      case NE -> PExpr.BinaryOp.EQ;
      case LT -> PExpr.BinaryOp.GE;
      case LE -> PExpr.BinaryOp.GT;
      case GT -> PExpr.BinaryOp.LE;
      case GE -> PExpr.BinaryOp.LT;
      default -> throw new IllegalArgumentException(op + " is not a comparison");
    };
  }

  private static int compareOpcode(PExpr.BinaryOp op) {
    return switch (op) {
      case EQ -> IF_ICMPEQ;
      case NE -> IF_ICMPNE;
      case LT -> IF_ICMPLT;
      case LE -> IF_ICMPLE;
      case GT -> IF_ICMPGT;
      case GE -> IF_ICMPGE;
      default -> throw new IllegalArgumentException(op + " is not a comparison");
    };
  }

  // ---------------------------------------------------------------- slots and constants

  private int varSlot(int var) {
    if (var < 0 || var >= plan.objectVars()) {
      throw new IllegalArgumentException("law " + plan.name() + " uses object variable " + var + " of "
          + plan.objectVars());
    }
    return varSlots[var];
  }

  private int localSlot(int local) {
    if (local < 0 || local >= plan.intLocals()) {
      throw new IllegalArgumentException("law " + plan.name() + " uses counter " + local + " of " + plan.intLocals());
    }
    // In applyAll every member sets a counter before its aggregate reads it, so members may share its slot.
    return firstVar + plan.objectVars() + local;
  }

  /**
   * Pushes a constant of the plan, read from an instance field rather than written into the code:
   * laws that differ only in their constants then have identical bytecode and share one class (and
   * one piece of JIT-compiled code), as a hand-written law template shared by many instances would.
   */
  private void lift(int v) {
    if (!inBody) {
      binderConstants.add(ints.size());
    }
    loadConstantField(ints.size());
    ints.add(v);
  }

  /** Pushes int constant field {@code c<field>} of the instance whose constants are read now. */
  private void loadConstantField(int field) {
    mv.visitVarInsn(ALOAD, constantsHolder);
    mv.visitFieldInsn(GETFIELD, owner, LawClassGenerator.INT_FIELD + field, "I");
  }

  private void liftDouble(double v) {
    mv.visitVarInsn(ALOAD, constantsHolder);
    mv.visitFieldInsn(GETFIELD, owner, LawClassGenerator.DOUBLE_FIELD + doubles.size(), "D");
    doubles.add(v);
  }

  private int scratch() {
    return nextScratch++;
  }

  private void pushInt(int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(SIPUSH, v);
    } else {
      mv.visitLdcInsn(v);
    }
  }
}
