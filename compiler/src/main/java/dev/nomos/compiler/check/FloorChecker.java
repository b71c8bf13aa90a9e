package dev.nomos.compiler.check;

import dev.nomos.compiler.ast.FloorDecl;
import dev.nomos.compiler.check.internal.Suggestions;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Floor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@code floor} declaration against the world: every channel a channel of the world
 * ({@link Floor#channels}), each once, and every value in [0, 1) (the grammar admits no negative).
 */
public final class FloorChecker {
  private final SourceFile source;
  private final List<Diagnostic> out;

  public FloorChecker(SourceFile source, List<Diagnostic> out) {
    this.source = source;
    this.out = out;
  }

  /** The values written, by channel; bad items are reported and left out. */
  public Map<String, Double> check(FloorDecl decl, WorldSchema schema) {
    List<String> channels = Floor.channels(schema);
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, FloorDecl.Item> seen = new HashMap<>();
    for (FloorDecl.Item item : decl.items()) {
      String channel = item.channel().text();
      if (!channels.contains(channel)) {
        String near = Suggestions.closest(channel, channels);
        out.add(Diagnostic.error(Codes.BAD_FLOOR, source, item.channel().span(),
                "`" + channel + "` is no floor channel of world " + schema.name())
            .withHint("the channels are " + String.join(", ", channels)).withSuggestion(near));
        continue;
      }
      FloorDecl.Item previous = seen.putIfAbsent(channel, item);
      if (previous != null) {
        out.add(Diagnostic.error(Codes.BAD_FLOOR, source, item.span(), "the floor of `" + channel + "` is given twice")
            .withHint("the first is on line " + previous.span().line()));
        continue;
      }
      if (!(item.value() < 1)) {
        out.add(Diagnostic.error(Codes.BAD_FLOOR, source, item.span(),
                "the floor of `" + channel + "` is " + item.valueText() + ", but it must be below 1")
            .withHint("it is the probability of the uniform background; `nomos fit` fits it in [1/(n+2), 0.5]"));
        continue;
      }
      values.put(channel, item.value());
    }
    return values;
  }
}
