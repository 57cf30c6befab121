package io.sextant.portfolio.breaker;

/**
 * One trip.
 *
 * @param sequence the caller's input sequence (e.g. ring sequence) of the observation that tripped
 * @param pool pool index
 * @param kind which breaker
 * @param observed the observed statistic (relative deviation, volatility ratio or liquidity ratio)
 * @param threshold the limit it crossed, in the same units
 */
public record BreakerTrip(
    long sequence, int pool, BreakerKind kind, double observed, double threshold) {}
