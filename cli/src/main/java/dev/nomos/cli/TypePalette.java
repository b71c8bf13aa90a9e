package dev.nomos.cli;

import java.awt.Color;
import java.util.List;

/**
 * One colour per entity type, by the type's position in a list (the world's declaration order, or the
 * order a recording first shows them): twelve colours far apart for the usual worlds, then hues spaced
 * by the golden angle.
 */
final class TypePalette {
  private static final int[] BASE = {
      0x4E79A7, 0xF28E2B, 0x59A14F, 0xB07AA1, 0xEDC948, 0x76B7B2,
      0xFF9DA7, 0x9C755F, 0x1F3A93, 0x8CD17D, 0xD37295, 0x499894};

  private final List<String> types;

  TypePalette(List<String> types) {
    this.types = List.copyOf(types);
  }

  List<String> types() {
    return types;
  }

  Color of(String type) {
    int k = types.indexOf(type);
    if (k < 0) {
      k = types.size() + Math.floorMod(type.hashCode(), 97);
    }
    if (k < BASE.length) {
      return new Color(BASE[k]);
    }
    float hue = (float) ((k - BASE.length) * 0.6180339887 % 1.0);
    return Color.getHSBColor(hue, 0.55f, 0.85f);
  }
}
