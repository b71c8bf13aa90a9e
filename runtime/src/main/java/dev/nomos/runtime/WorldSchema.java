package dev.nomos.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The declared shape of a world: screen size, velocity support, actions and entity types. It is
 * what a {@code world} declaration compiles to, and what frames, laws and models are checked against.
 */
public final class WorldSchema {
  public static final int DEFAULT_CONTACT_GAP = 1;

  private final String name;
  private final int screenWidth;
  private final int screenHeight;
  private final int velocityMin;
  private final int velocityMax;
  private final List<String> actions;
  private final List<EntityType> types;
  private final int contactGap;
  private final Map<String, List<String>> symbolTypes;
  private final Map<String, Integer> actionIndex = new HashMap<>();
  private final Map<String, EntityType> typeByName = new HashMap<>();
  private final int slotStride;

  public WorldSchema(String name, int screenWidth, int screenHeight, int velocityMin, int velocityMax,
      List<String> actions, List<EntityType> types) {
    this(name, screenWidth, screenHeight, velocityMin, velocityMax, actions, types, DEFAULT_CONTACT_GAP);
  }

  /**
   * @param contactGap the largest gap, in pixels, between two side-by-side boxes that still counts
   *     as contact (1 by default; 0 for grid worlds of 1x1 cells)
   */
  public WorldSchema(String name, int screenWidth, int screenHeight, int velocityMin, int velocityMax,
      List<String> actions, List<EntityType> types, int contactGap) {
    this(name, screenWidth, screenHeight, velocityMin, velocityMax, actions, types, contactGap, Map.of());
  }

  /**
   * @param symbolTypes the world's shared symbol types ({@code enum Color {...}}) by name, in
   *     declaration order; types that attributes name but the map lacks are added from the attributes
   */
  public WorldSchema(String name, int screenWidth, int screenHeight, int velocityMin, int velocityMax,
      List<String> actions, List<EntityType> types, int contactGap, Map<String, List<String>> symbolTypes) {
    if (contactGap < 0) {
      throw new IllegalArgumentException("contact gap must be >= 0, got " + contactGap);
    }
    this.contactGap = contactGap;
    this.name = Objects.requireNonNull(name, "name");
    if (screenWidth <= 0 || screenHeight <= 0) {
      throw new IllegalArgumentException("screen must be positive, got " + screenWidth + " x " + screenHeight);
    }
    if (velocityMin > velocityMax) {
      throw new IllegalArgumentException("empty velocity range " + velocityMin + ".." + velocityMax);
    }
    this.screenWidth = screenWidth;
    this.screenHeight = screenHeight;
    this.velocityMin = velocityMin;
    this.velocityMax = velocityMax;
    this.actions = List.copyOf(actions);
    this.types = List.copyOf(types);
    for (int i = 0; i < this.actions.size(); i++) {
      if (actionIndex.put(this.actions.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate action " + this.actions.get(i));
      }
    }
    for (int i = 0; i < this.types.size(); i++) {
      EntityType t = this.types.get(i);
      if (t.index() != i) {
        throw new IllegalArgumentException("entity " + t.name() + " has index " + t.index() + ", expected " + i);
      }
      if (typeByName.put(t.name(), t) != null) {
        throw new IllegalArgumentException("duplicate entity " + t.name());
      }
    }
    Map<String, List<String>> shared = new LinkedHashMap<>();
    symbolTypes.forEach((type, symbols) -> shared.put(type, List.copyOf(symbols)));
    for (EntityType t : this.types) {
      for (AttributeSpec a : t.extras()) {
        if (a.symbolType() == null) {
          continue;
        }
        List<String> declared = shared.putIfAbsent(a.symbolType(), a.symbols());
        if (declared != null && !declared.equals(a.symbols())) {
          throw new IllegalArgumentException("attribute " + t.name() + "." + a.name() + " has symbol type "
              + a.symbolType() + " with symbols " + a.symbols() + ", but the type's symbols are " + declared);
        }
      }
    }
    this.symbolTypes = java.util.Collections.unmodifiableMap(shared);
    int stride = Slots.FIRST_EXTRA;
    for (EntityType t : this.types) {
      stride = Math.max(stride, t.slotCount());
    }
    this.slotStride = stride;
  }

  public String name() { return name; }
  public int screenWidth() { return screenWidth; }
  public int screenHeight() { return screenHeight; }
  public int velocityMin() { return velocityMin; }
  public int velocityMax() { return velocityMax; }
  public List<String> actions() { return actions; }
  public List<EntityType> types() { return types; }
  public int contactGap() { return contactGap; }

  /**
   * The slots a frame reserves for each object: the most any type stores. Frames keep all their
   * objects' slots in one array at this stride, so that reading an object is one load from memory
   * laid out in object order.
   */
  public int slotStride() { return slotStride; }

  /** The shared symbol types ({@code enum Color {...}}) by name, in declaration order. */
  public Map<String, List<String>> symbolTypes() { return symbolTypes; }

  /** The index of an action name, or -1. */
  public int actionIndex(String action) {
    Integer i = actionIndex.get(action);
    return i == null ? -1 : i;
  }

  /** The entity type of that name, or null. */
  public EntityType type(String typeName) {
    return typeByName.get(typeName);
  }

  public EntityType type(int index) {
    return types.get(index);
  }

  @Override
  public String toString() {
    return "world " + name + " (" + types.size() + " types, " + actions.size() + " actions)";
  }
}
