package dev.nomos.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The formatter's laws over random programs: the AST survives, the output is a fixed point, comments survive. */
class FormatterRoundTripPropertiesTest {

  static SourceUnit parse(String text) {
    ParseResult r = Parser.parse(new SourceFile("generated.law", text));
    assertFalse(r.hasErrors(), () -> "formatted text does not parse:\n" + text + "\n" + r.diagnostics());
    return r.unit();
  }

  @Property(tries = 250)
  void parsingTheFormattedTextGivesTheSameTree(@ForAll long seed) {
    SourceUnit generated = new RandomPrograms(seed).unit();
    String text = Formatter.format(generated);
    SourceUnit parsed = parse(text);
    assertEquals(AstShape.of(generated), AstShape.of(parsed), () -> "round trip changed the tree of\n" + text);
    assertEquals(text, Formatter.format(parsed), "formatting is not idempotent");
  }

  @Property(tries = 120)
  void commentsInsertedAnywhereSurviveFormatting(@ForAll long seed) {
    String text = Formatter.format(new RandomPrograms(seed).unit());
    Random random = new Random(seed);
    StringBuilder withComments = new StringBuilder();
    List<String> inserted = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      boolean doc = line.trim().startsWith("///");
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == ' ' && !doc && !insideString(line, i) && random.nextInt(6) == 0) {
          String comment = "// c" + inserted.size();
          inserted.add(comment);
          withComments.append(' ').append(comment).append('\n');
        } else {
          withComments.append(c);
        }
      }
      withComments.append('\n');
    }
    String source = withComments.toString();
    SourceUnit original = parse(source);
    String formatted = Formatter.format(original);
    SourceUnit reparsed = parse(formatted);
    assertEquals(AstShape.of(original), AstShape.of(reparsed), () -> "comments changed the tree:\n" + source);
    int from = 0;
    for (String c : inserted) {
      int at = formatted.indexOf(c + "\n", 0);
      if (at < 0) {
        at = formatted.indexOf(c + " ", 0);
      }
      assertTrue(at >= 0, () -> c + " was lost formatting\n" + source + "\ninto\n" + formatted);
    }
    assertEquals(formatted, Formatter.format(reparsed), "formatting with comments is not idempotent");
  }

  private static boolean insideString(String line, int index) {
    int quotes = 0;
    for (int i = 0; i < index; i++) {
      if (line.charAt(i) == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
        quotes++;
      }
    }
    return quotes % 2 == 1;
  }
}
