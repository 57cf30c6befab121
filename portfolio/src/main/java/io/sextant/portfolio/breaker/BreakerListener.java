package io.sextant.portfolio.breaker;

/** Receives every trip, on the checking thread. */
@FunctionalInterface
public interface BreakerListener {
  /** Called once per trip (transition into the tripped state). */
  void onTrip(BreakerTrip trip);
}
