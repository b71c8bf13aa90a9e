package dev.nomos.compiler.goal;

/**
 * A clause of a goal that asks every object of one type to stand where an object of another type
 * stands ("every box on a goal"): each {@code covered} object at the exact position of some
 * {@code covering} object. A planner derives a distance estimate from it. A type index of -1 means
 * any type ({@code Object}).
 */
public record Coverage(int coveredType, int coveringType) {}
