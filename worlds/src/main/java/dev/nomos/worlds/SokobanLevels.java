package dev.nomos.worlds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Sokoban levels in the standard text format: {@code #} wall, {@code @} player, {@code +}
 * player on goal, {@code $} box, {@code *} box on goal, {@code .} goal, and space, {@code -} or
 * {@code _} floor. Levels are separated by blank lines or by {@code ;} lines, whose text names the
 * level that follows (the Boxoban format: {@code ; 0} and then a 10 x 10 grid).
 */
public final class SokobanLevels {
  private static final String FLOOR = " -_";

  private SokobanLevels() {}

  /** The levels built into the {@code sokoban} world. */
  public static List<SokobanLevel> builtIn() {
    String resource = "sokoban-levels.txt";
    try (InputStream in = SokobanLevels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LevelFormatException e) {
      throw new IllegalStateException("built-in levels are malformed: " + e.getMessage(), e);
    }
  }

  public static List<SokobanLevel> read(Path file) throws IOException, LevelFormatException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Parses every level in {@code text}; {@code source} names it in error messages. */
  public static List<SokobanLevel> parse(String text, String source) throws LevelFormatException {
    List<SokobanLevel> levels = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    List<String> rows = new ArrayList<>();
    String name = null;
    int firstLine = 0;
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : "";
      boolean separator = line.isBlank() || line.startsWith(";");
      if (!separator) {
        if (rows.isEmpty()) {
          firstLine = i + 1;
        }
        rows.add(line);
        continue;
      }
      if (!rows.isEmpty()) {
        String levelName = name != null ? name : String.valueOf(levels.size());
        levels.add(level(rows, firstLine, levelName, source));
        rows.clear();
        name = null;
      }
      if (line.startsWith(";")) {
        name = line.substring(1).trim();
      }
    }
    if (levels.isEmpty()) {
      throw new LevelFormatException(source, 1, 1, "no level found; expected a grid of # @ + $ * . and spaces");
    }
    return levels;
  }

  private static SokobanLevel level(List<String> rows, int firstLine, String name, String source)
      throws LevelFormatException {
    int height = rows.size();
    int width = rows.stream().mapToInt(String::length).max().orElse(0);
    boolean[][] walls = new boolean[height][width];
    int[] player = null;
    List<int[]> boxes = new ArrayList<>();
    List<int[]> goals = new ArrayList<>();
    for (int y = 0; y < height; y++) {
      String row = rows.get(y);
      for (int x = 0; x < row.length(); x++) {
        char c = row.charAt(x);
        int line = firstLine + y;
        int column = x + 1;
        switch (c) {
          case '#':
            walls[y][x] = true;
            break;
          case '@':
          case '+':
            if (player != null) {
              throw new LevelFormatException(source, line, column, "level " + name
                  + " has a second player; the first is at line " + (firstLine + player[1]) + ", column " + (player[0] + 1));
            }
            player = new int[] {x, y};
            if (c == '+') {
              goals.add(new int[] {x, y});
            }
            break;
          case '$':
            boxes.add(new int[] {x, y});
            break;
          case '*':
            boxes.add(new int[] {x, y});
            goals.add(new int[] {x, y});
            break;
          case '.':
            goals.add(new int[] {x, y});
            break;
          default:
            if (FLOOR.indexOf(c) < 0) {
              throw new LevelFormatException(source, line, column, "unexpected character '" + printable(c)
                  + "' in level " + name + "; expected one of # @ + $ * . or a space");
            }
        }
      }
    }
    if (player == null) {
      throw new LevelFormatException(source, firstLine, 1, "level " + name + " has no player (@ or +)");
    }
    if (boxes.isEmpty()) {
      throw new LevelFormatException(source, firstLine, 1, "level " + name + " has no box ($ or *)");
    }
    if (boxes.size() != goals.size()) {
      throw new LevelFormatException(source, firstLine, 1, "level " + name + " has " + boxes.size()
          + " boxes but " + goals.size() + " goals; they must be equal");
    }
    return new SokobanLevel(name, width, height, walls, player, boxes, goals);
  }

  private static String printable(char c) {
    return c == '\t' ? "\\t" : Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
