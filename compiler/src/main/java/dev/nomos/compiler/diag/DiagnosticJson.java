package dev.nomos.compiler.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable form of diagnostics ({@code nomos check --format json}): an array of
 * {@code {code, severity, file, line, column, end: {line, column}, message, hint}}, plus
 * {@code replacement} when a quick fix exists. Lines and columns are 1-based; {@code end} is exclusive.
 */
public final class DiagnosticJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiagnosticJson() {}

  public static String toJson(List<Diagnostic> diagnostics) {
    try {
      return MAPPER.writeValueAsString(diagnostics.stream().map(DiagnosticJson::toMap).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("diagnostics are plain maps and always serialise", e);
    }
  }

  public static Map<String, Object> toMap(Diagnostic d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", d.code());
    m.put("severity", d.severity().label());
    m.put("file", d.file());
    m.put("line", d.span().line());
    m.put("column", d.span().column());
    Map<String, Object> end = new LinkedHashMap<>();
    end.put("line", d.span().endLine());
    end.put("column", d.span().endColumn());
    m.put("end", end);
    m.put("message", d.message());
    m.put("hint", d.hint());
    if (d.replacement() != null) {
      m.put("replacement", d.replacement());
    }
    return m;
  }
}
