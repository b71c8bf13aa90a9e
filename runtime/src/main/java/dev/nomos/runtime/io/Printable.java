package dev.nomos.runtime.io;

/** Text from an untrusted source made safe to print on one terminal line. */
public final class Printable {
  private Printable() {}

  /**
   * {@code text} with every control, format (bidirectional controls among them) and separator
   * character written as a {@code \\uXXXX} escape, cut to {@code maxChars} with "..." after.
   */
  public static String of(String text, int maxChars) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars) + 16);
    for (int i = 0; i < text.length() && sb.length() < maxChars; i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR;
      if (unsafe) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (sb.length() >= maxChars && text.length() > maxChars) {
      sb.setLength(maxChars);
      sb.append("...");
    }
    return sb.toString();
  }
}
