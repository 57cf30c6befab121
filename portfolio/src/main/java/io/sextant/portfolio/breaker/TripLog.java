package io.sextant.portfolio.breaker;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every trip in order; cold path. */
public final class TripLog implements BreakerListener {
  private final List<BreakerTrip> trips = new ArrayList<>();

  @Override
  public void onTrip(final BreakerTrip trip) {
    trips.add(trip);
  }

  /** The trips so far, oldest first (unmodifiable view of a copy). */
  public List<BreakerTrip> trips() {
    return List.copyOf(trips);
  }
}
