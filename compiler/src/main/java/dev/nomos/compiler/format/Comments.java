package dev.nomos.compiler.format;

import dev.nomos.compiler.Parser;
import dev.nomos.grammar.NomosLexer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * The comments of a source text, found by lexing it again (the AST keeps only doc comments).
 * A comment that shares its line with code before it is <em>trailing</em> and stays at the end of
 * that code's line; any other comment is <em>leading</em> and goes above the next line of code.
 */
final class Comments {

  /** One comment: its offset, its text, and for trailing ones the offset of the code before it. */
  record Comment(int offset, String text, boolean trailing, int codeBefore) {}

  private final List<Token> tokens;
  private final List<Token> code = new ArrayList<>();

  Comments(String text) {
    // The parser's lexer, so that offsets count UTF-16 units as the AST's spans do.
    NomosLexer lexer = Parser.lexer(text, "comments");
    this.tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      tokens.add(t);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        code.add(t);
      }
    }
  }

  /**
   * Every comment not in {@code docStarts}' doc blocks: the {@code ///} lines right above a code
   * token starting at one of {@code docStarts} are the AST's doc text and are printed from it.
   * A {@code ///} line that documents nothing becomes a {@code //} comment, so that moving it can
   * never make it document something.
   */
  List<Comment> comments(Set<Integer> docStarts) {
    Set<Token> docs = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL && docStarts.contains(t.getStartIndex())) {
        for (int j = i - 1; j >= 0 && tokens.get(j).getChannel() != Token.DEFAULT_CHANNEL; j--) {
          if (tokens.get(j).getChannel() == NomosLexer.DOC) {
            docs.add(tokens.get(j));
          }
        }
      }
    }
    List<Comment> out = new ArrayList<>();
    Token previousCode = null;
    for (Token t : tokens) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        previousCode = t;
        continue;
      }
      if (docs.contains(t)) {
        continue;
      }
      String text = t.getText().stripTrailing();
      if (t.getChannel() == NomosLexer.DOC) {
        int slashes = 0;
        while (slashes < text.length() && text.charAt(slashes) == '/') {
          slashes++;
        }
        text = "//" + text.substring(slashes);
      }
      boolean trailing = previousCode != null && previousCode.getLine() == t.getLine();
      out.add(new Comment(t.getStartIndex(), text, trailing, trailing ? previousCode.getStartIndex() : -1));
    }
    return out;
  }

  /**
   * The offset of the code token right before {@code offset} if it is of {@code type} (a keyword
   * such as {@code when} that opens a line but has no AST node), else {@code offset}.
   */
  int keywordBefore(int offset, int type) {
    Token before = null;
    for (Token t : code) {
      if (t.getStartIndex() >= offset) {
        break;
      }
      before = t;
    }
    return before != null && before.getType() == type ? before.getStartIndex() : offset;
  }
}
