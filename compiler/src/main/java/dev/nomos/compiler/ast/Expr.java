package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/** Expressions of guards and effect values. Parentheses leave no node: the tree is the grouping. */
public sealed interface Expr extends Node {

  record IntLit(int value, Span span) implements Expr {}

  record BoolLit(boolean value, Span span) implements Expr {}

  /** {@code ?}: an integer constant left open for the learner to fill. */
  record Hole(Span span) implements Expr {}

  /** {@code action} or {@code action@-k}; {@code history} is null for "now". */
  record ActionRef(History history, Span span) implements Expr {}

  /** {@code b.vy} or {@code b.vy@-2}; {@code history} is null for "now". */
  record AttrRef(Name object, Name attribute, History history, Span span) implements Expr {}

  /** A bare name: a bound object, a history-aggregate variable, or a symbol (TOP, UP, locked...). */
  record NameRef(Name name, Span span) implements Expr {}

  /** {@code step}: the step index of frame t within its episode. */
  record StepRef(Span span) implements Expr {}

  /**
   * {@code f(a, b)}: a stdlib function; {@code f(a, b)@-k} evaluates it at frame t-k ({@code history}
   * null for "now").
   */
  record Call(Name function, List<Expr> args, History history, Span span) implements Expr {
    public Call {
      args = List.copyOf(args);
    }

    /** A call at frame t. */
    public Call(Name function, List<Expr> args, Span span) {
      this(function, args, null, span);
    }
  }

  /** {@code -e} or {@code not e}. */
  record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}

  record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}

  /** {@code e in {a, b}} or {@code e not in {a, b}}. */
  record InSet(Expr value, List<Expr> elements, boolean negated, Span span) implements Expr {
    public InSet {
      elements = List.copyOf(elements);
    }
  }

  /** {@code e in lo..hi} (inclusive) or {@code e not in lo..hi}. */
  record InRange(Expr value, Expr low, Expr high, boolean negated, Span span) implements Expr {}

  /** {@code if c then a else b}. */
  record If(Expr condition, Expr then, Expr otherwise, Span span) implements Expr {}

  /** {@code exists o: T where cond}; {@code where} is null when absent (then: any object of T exists). */
  record Exists(Binding binding, Expr where, Span span) implements Expr {}

  /** {@code count(T)}: the number of objects of type T at t. */
  record CountType(Name type, Span span) implements Expr {}

  /**
   * {@code (exists o: T where c)@-k}, {@code (count o: T where c)@-k} or {@code count(T)@-k}: a
   * quantifier read at frame t-k, over the objects of that frame. The checker accepts only those
   * three as {@code quantifier}; the parser builds this node for any parenthesised expression
   * followed by {@code @-k}, so that anything else gets a located diagnostic.
   */
  record Earlier(Expr quantifier, History history, Span span) implements Expr {}

  /** {@code count o: T where cond}. */
  record CountWhere(Binding binding, Expr where, Span span) implements Expr {}

  /** {@code all k in 1..5: body}, {@code any ...}, {@code count k in 1..5: body} over history steps. */
  record HistoryAggregate(Quantifier quantifier, Name variable, int low, int high, Expr body, Span span)
      implements Expr {}

  /** {@code @-k}: how many steps back a read looks; {@code steps} is an int literal, a name, or an expression. */
  record History(Expr steps, Span span) implements Node {}

  enum UnaryOp {
    NEGATE("-"), NOT("not");

    public final String symbol;

    UnaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  enum BinaryOp {
    MUL("*", 6), DIV("/", 6), MOD("%", 6),
    ADD("+", 5), SUB("-", 5),
    EQ("==", 3), NE("!=", 3), LT("<", 3), LE("<=", 3), GT(">", 3), GE(">=", 3),
    AND("and", 1), OR("or", 0);

    public final String symbol;
    /** Binding strength as in the grammar; higher binds tighter. {@code in} sits at 4, {@code not} at 2. */
    public final int precedence;

    BinaryOp(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }
  }

  enum Quantifier {
    ALL("all"), ANY("any"), COUNT("count");

    public final String keyword;

    Quantifier(String keyword) {
      this.keyword = keyword;
    }
  }
}
