/**
 * Circuit breakers on pool state: price deviation from a reference, realised-volatility jumps and
 * liquidity collapse. Each breaker latches per pool until {@code reset}, and reports every trip
 * (the transition into the tripped state) to a {@link
 * io.sextant.portfolio.breaker.BreakerListener}. Checks allocate nothing unless they trip. Not
 * thread-safe: call from the state-applier thread.
 */
package io.sextant.portfolio.breaker;
