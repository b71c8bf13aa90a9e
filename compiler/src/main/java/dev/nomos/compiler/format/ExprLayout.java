package dev.nomos.compiler.format;

import dev.nomos.compiler.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks an expression that does not fit in the line width over several lines, at the places a
 * reader expects: before each {@code and}/{@code or} of a chain, before each {@code else} of an
 * {@code if} chain, and between the arguments of a call. Only whitespace changes: the tokens are
 * exactly those {@link ExprPrinter} prints on one line, so the tree parses back the same.
 */
final class ExprLayout {
  private final int width;

  ExprLayout(int width) {
    this.width = width;
  }

  /**
   * The text of {@code e} in a delimited position starting at {@code column}; continuation lines
   * carry their own indentation, so the result is ready to follow {@code column} characters.
   */
  String layout(Expr e, int column) {
    return String.join("\n", lines(e, ExprPrinter.LOWEST, true, column));
  }

  private List<String> lines(Expr e, int minPrecedence, boolean last, int column) {
    String flat = flat(e, minPrecedence, last);
    if (column + flat.length() <= width) {
      return List.of(flat);
    }
    if (ExprPrinter.needsParens(e, minPrecedence, last)) {
      List<String> inner = new ArrayList<>(lines(e, ExprPrinter.LOWEST, true, column + 1));
      inner.set(0, "(" + inner.get(0));
      int end = inner.size() - 1;
      inner.set(end, inner.get(end) + ")");
      return inner;
    }
    if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR)) {
      return chain(b, last, column);
    }
    if (e instanceof Expr.If i) {
      return ifChain(i, last, column);
    }
    if (e instanceof Expr.Call c && !c.args().isEmpty()) {
      return call(c, column);
    }
    if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
      return prefixed("not ", u.operand(), ExprPrinter.NOT, last, column);
    }
    ExprPrinter.QuantifierTail tail = ExprPrinter.quantifierTail(e);
    if (tail != null) {
      return prefixed(tail.head(), tail.body(), ExprPrinter.LOWEST, last, column);
    }
    return List.of(flat);
  }

  /** A keyword head followed by an operand that is laid out after it. */
  private List<String> prefixed(String head, Expr operand, int minPrecedence, boolean last, int column) {
    List<String> out = new ArrayList<>(lines(operand, minPrecedence, last, column + head.length()));
    out.set(0, head + out.get(0));
    return out;
  }

  /** {@code a and b and c}: one operand per line, each continuation starting with the operator. */
  private List<String> chain(Expr.Binary root, boolean last, int column) {
    List<Expr> operands = new ArrayList<>();
    Expr e = root;
    // The chain is left-nested: ((a and b) and c); a right operand of the same operator is
    // parenthesised by the printer and so is one operand here.
    while (e instanceof Expr.Binary b && b.op() == root.op()) {
      operands.add(0, b.right());
      e = b.left();
    }
    operands.add(0, e);
    int p = ExprPrinter.precedence(root.op());
    String op = root.op().symbol + " ";
    String indent = " ".repeat(column);
    List<String> out = new ArrayList<>(lines(operands.get(0), p, false, column));
    for (int k = 1; k < operands.size(); k++) {
      boolean lastOperand = k == operands.size() - 1;
      List<String> part = lines(operands.get(k), p + 1, lastOperand && last, column + op.length());
      out.add(indent + op + part.get(0));
      out.addAll(part.subList(1, part.size()));
    }
    return out;
  }

  /** {@code if c then a else if d then b else c}: each {@code else} starts a line under the {@code if}. */
  private List<String> ifChain(Expr.If first, boolean last, int column) {
    List<String> out = new ArrayList<>();
    String indent = " ".repeat(column);
    Expr e = first;
    String prefix = "";
    while (e instanceof Expr.If i) {
      String lead = out.isEmpty() ? "" : indent;
      String head = prefix + "if " + flat(i.condition(), ExprPrinter.LOWEST, true) + " then ";
      if (column + head.length() + flat(i.then(), ExprPrinter.LOWEST, true).length() <= width) {
        out.add(lead + head + flat(i.then(), ExprPrinter.LOWEST, true));
      } else {
        // A long condition: `then` goes to its own line, indented under the `if`.
        String condition = prefix + "if ";
        List<String> cond = lines(i.condition(), ExprPrinter.LOWEST, true, column + condition.length());
        out.add(lead + condition + cond.get(0));
        out.addAll(cond.subList(1, cond.size()));
        int thenColumn = column + prefix.length() + 2;
        List<String> then = lines(i.then(), ExprPrinter.LOWEST, true, thenColumn + "then ".length());
        out.add(" ".repeat(thenColumn) + "then " + then.get(0));
        out.addAll(then.subList(1, then.size()));
      }
      e = i.otherwise();
      prefix = "else ";
    }
    List<String> otherwise = lines(e, ExprPrinter.LOWEST, last, column + prefix.length());
    out.add(indent + prefix + otherwise.get(0));
    out.addAll(otherwise.subList(1, otherwise.size()));
    return out;
  }

  /** {@code f(a, b)}: one argument per line, aligned after the opening parenthesis. */
  private List<String> call(Expr.Call c, int column) {
    String open = c.function().text() + "(";
    int argColumn = column + open.length();
    String indent = " ".repeat(argColumn);
    List<String> out = new ArrayList<>();
    List<Expr> args = c.args();
    for (int k = 0; k < args.size(); k++) {
      List<String> part = new ArrayList<>(lines(args.get(k), ExprPrinter.LOWEST, true, argColumn));
      int end = part.size() - 1;
      part.set(end, part.get(end) + (k == args.size() - 1 ? ")" + ExprPrinter.historyText(c.history()) : ","));
      out.add(k == 0 ? open + part.get(0) : indent + part.get(0));
      out.addAll(part.subList(1, part.size()));
    }
    return out;
  }

  private static String flat(Expr e, int minPrecedence, boolean last) {
    StringBuilder sb = new StringBuilder();
    ExprPrinter.print(sb, e, minPrecedence, last);
    return sb.toString();
  }
}
