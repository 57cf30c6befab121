package io.sextant.feeds.cow;

import io.sextant.routing.graph.RoutingMarket;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An auction's usable liquidity as a {@link RoutingMarket}: tokens numbered in order of first
 * appearance (auction tokens first), reference prices from the auction (wei per 1e18 base units,
 * stored per base unit), pools that failed to load left out. Cold path.
 *
 * @param market the routing market
 * @param tokenOf token number by lowercase address
 * @param addresses address of each token number
 * @param pools the loaded pool of each market pool number
 */
public record CowMarket(
    RoutingMarket market,
    Map<String, Integer> tokenOf,
    List<String> addresses,
    List<LoadedPool> pools) {

  /** Every usable pool of {@code auction}. */
  public static CowMarket of(final CowAuction auction) {
    return of(auction, null, Set.of());
  }

  /**
   * The usable pools of {@code auction} whose kind is in {@code kinds} (null: all) and whose
   * address is not in {@code excludedAddresses}.
   */
  public static CowMarket of(
      final CowAuction auction, final Set<String> kinds, final Set<String> excludedAddresses) {
    final List<LoadedPool> loaded = new CowPoolLoader().load(auction);
    final Map<String, Integer> tokenOf = new HashMap<>();
    final List<String> addresses = new ArrayList<>();
    for (String t : auction.tokens().keySet()) {
      number(t, tokenOf, addresses);
    }
    final List<LoadedPool> used = new ArrayList<>();
    for (LoadedPool p : loaded) {
      if (!p.usable()
          || (kinds != null && !kinds.contains(p.source().kind()))
          || excludedAddresses.contains(p.source().address())) {
        continue;
      }
      for (String t : p.tokens()) {
        number(t, tokenOf, addresses);
      }
      used.add(p);
    }
    final double[] prices = new double[addresses.size()];
    for (int i = 0; i < prices.length; i++) {
      final CowToken tok = auction.tokens().get(addresses.get(i));
      final BigInteger ref = tok == null ? null : tok.referencePrice();
      prices[i] = ref == null || ref.signum() <= 0 ? Double.NaN : ref.doubleValue() / 1e18;
    }
    final RoutingMarket market = new RoutingMarket(addresses.size(), prices);
    for (LoadedPool p : used) {
      final List<String> toks = p.tokens();
      final int[] numbers = new int[toks.size()];
      for (int i = 0; i < numbers.length; i++) {
        numbers[i] = tokenOf.get(toks.get(i));
      }
      final BigInteger gas = p.gasEstimate();
      market.addPool(
          p.id(), p.pool(), numbers, gas == null || gas.bitLength() > 62 ? 0L : gas.longValue());
    }
    return new CowMarket(market, Map.copyOf(tokenOf), List.copyOf(addresses), List.copyOf(used));
  }

  private static void number(
      final String token, final Map<String, Integer> tokenOf, final List<String> addresses) {
    if (!tokenOf.containsKey(token)) {
      tokenOf.put(token, addresses.size());
      addresses.add(token);
    }
  }

  /** The token number of {@code address} (lowercase), or -1. */
  public int token(final String address) {
    final Integer t = tokenOf.get(address);
    return t == null ? -1 : t;
  }
}
