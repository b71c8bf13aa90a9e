package dev.nomos.runtime.model;

/**
 * One law's part in a target's prediction ({@link TargetExplanation}).
 *
 * @param law the law's name
 * @param weight its fitted weight θ
 * @param opinion what it said about the target: a value ({@code = 3}), a set ({@code one of 2..4}), a
 *     distribution ({@code {3: 0.25, 4: 0.75}}), a joint choice's alternatives, or a creation's chance
 * @param logOdds for an attribute, the law's term {@code θ (f(observed) - f(rival))} of the log-odds of
 *     the observed value against the rival one (negative: the law pushed toward the rival); for a
 *     creation, its term {@code θ log(1 - r)} of the log-probability that nothing is created there
 * @param share for an attribute, {@code logOdds} over the sum of every law's |log-odds| on the target, so
 *     that the shares' sizes add up to 1 and the sign keeps the direction (NaN when no law made a
 *     difference); for a creation, the law's part of {@code log P(nothing is created)}
 */
public record LawVoice(String law, double weight, String opinion, double logOdds, double share) {}
