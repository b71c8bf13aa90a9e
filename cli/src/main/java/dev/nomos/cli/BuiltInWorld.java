package dev.nomos.cli;

import dev.nomos.worlds.LevelFormatException;
import dev.nomos.worlds.SokobanLevels;
import dev.nomos.worlds.World;
import dev.nomos.worlds.Worlds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A built-in world named on the command line, with the levels of {@code --levels FILE} (sokoban only). */
final class BuiltInWorld {
  private BuiltInWorld() {}

  static World open(String worldName, Path levelsFile) {
    if (!Worlds.names().contains(worldName)) {
      throw new UserFacingException("unknown world '" + worldName + "'; the built-in worlds are "
          + String.join(", ", Worlds.names()), ExitCodes.USAGE);
    }
    if (levelsFile == null) {
      return Worlds.create(worldName);
    }
    if (!worldName.equals("sokoban")) {
      throw new UserFacingException("--levels works only with sokoban, not " + worldName, ExitCodes.USAGE);
    }
    if (Files.isDirectory(levelsFile)) {
      throw new UserFacingException("--levels " + levelsFile + ": a directory; name one level file in it");
    }
    if (!Files.isRegularFile(levelsFile)) {
      throw new UserFacingException("level file not found: " + levelsFile);
    }
    try {
      return Worlds.sokoban(SokobanLevels.read(levelsFile));
    } catch (LevelFormatException e) {
      throw new UserFacingException(e.getMessage());
    } catch (IOException e) {
      throw new UserFacingException("cannot read " + levelsFile + ": " + ModelInput.reason(e, levelsFile));
    }
  }
}
