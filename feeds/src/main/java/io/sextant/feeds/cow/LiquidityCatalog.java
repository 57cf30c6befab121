package io.sextant.feeds.cow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built pools of one auction, found by liquidity id. Ids are opaque and may repeat (the
 * reference solver's own cases reuse them), so a lookup that names the tokens picks the pool with
 * that id which trades them. Immutable after construction; the pools inside are not thread-safe.
 */
public final class LiquidityCatalog {
  private final List<LoadedPool> pools;
  private final Map<String, List<LoadedPool>> byId = new HashMap<>();

  /** A catalog of {@code pools}, in auction order. */
  public LiquidityCatalog(final List<LoadedPool> pools) {
    this.pools = List.copyOf(pools);
    for (LoadedPool p : this.pools) {
      byId.computeIfAbsent(p.id(), k -> new ArrayList<>(1)).add(p);
    }
  }

  /** Builds the catalog of an auction. */
  public static LiquidityCatalog of(final CowAuction auction) {
    return new LiquidityCatalog(new CowPoolLoader().load(auction));
  }

  /** Every pool, in auction order. */
  public List<LoadedPool> pools() {
    return pools;
  }

  /** Pools with this id (usually one). */
  public List<LoadedPool> withId(final String id) {
    return byId.getOrDefault(id, Collections.emptyList());
  }

  /**
   * The pool with {@code id} that trades both tokens; {@code null} if none. When several match, the
   * first in auction order.
   */
  public LoadedPool find(final String id, final String tokenA, final String tokenB) {
    for (LoadedPool p : withId(id)) {
      if (p.tokenIndex(tokenA) >= 0 && p.tokenIndex(tokenB) >= 0) {
        return p;
      }
    }
    return null;
  }

  /** Pools that could not be built, with their errors. */
  public List<LoadedPool> failed() {
    return pools.stream().filter(p -> !p.usable()).toList();
  }
}
