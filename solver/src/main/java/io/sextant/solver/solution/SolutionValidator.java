package io.sextant.solver.solution;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowLiquidity;
import io.sextant.feeds.cow.CowOrder;
import io.sextant.feeds.cow.CowPoolLoader;
import io.sextant.feeds.cow.CowToken;
import io.sextant.feeds.cow.LoadedPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a solution against its auction as the settlement contract and the driver would, and
 * measures its surplus. Each solution is checked on its own from the auction's state (solutions are
 * alternatives; the driver picks or merges them):
 *
 * <ul>
 *   <li>every trade names an order of the auction once; fill-or-kill orders are filled exactly
 *       ({@code executedAmount + fee == sellAmount} for sell orders, {@code executedAmount ==
 *       buyAmount} for buy orders), partially fillable ones at most up to their amount; market
 *       orders carry no fee;
 *   <li>the owner's amounts follow GPv2 rounding from the uniform clearing prices (sell orders
 *       receive {@code ceil(executed·p[sell]/p[buy])}, buy orders pay {@code
 *       floor(executed·p[buy]/p[sell])} plus the fee), and the limit price holds with the fee
 *       included: {@code sold·buyAmount <= bought·sellAmount};
 *   <li>each interaction's pool exists with those tokens and, re-simulated in order with the exact
 *       math on a fresh copy of the pool (a pool used twice sees its first trade), pays at least
 *       its {@code outputAmount} for its {@code inputAmount};
 *   <li>the settlement contract's balance of every token stays non-negative: owners' sell amounts
 *       in, interactions in order, owners' buy amounts out;
 *   <li>an internalized interaction sells a trusted token and the outputs drawn from each buffer
 *       stay within its {@code availableBalance} (CIP-2).
 * </ul>
 *
 * Surplus of a trade: sell orders {@code bought − ceil(buyAmount·sold/sellAmount)} in the buy
 * token; buy orders {@code floor(sellAmount·bought/buyAmount) − sold} in the sell token, converted
 * to the buy token at the clearing prices; in native wei through the valuation prices (wei per
 * 10^18 base units, by default the auction's reference prices). Cold path; thread-safe.
 */
public final class SolutionValidator {
  private static final BigInteger E18 = BigInteger.TEN.pow(18);

  private final CowAuction auction;
  private final Map<String, CowOrder> orders = new HashMap<>();
  private final Map<String, List<Integer>> liquidityById = new HashMap<>();
  private final Map<String, BigInteger> valuation;

  /** A validator for {@code auction} valuing surplus at its reference prices. */
  public SolutionValidator(final CowAuction auction) {
    this(auction, referencePrices(auction));
  }

  /**
   * A validator valuing surplus at {@code valuation} (native wei per 10^18 base units by lowercase
   * address).
   */
  public SolutionValidator(final CowAuction auction, final Map<String, BigInteger> valuation) {
    this.auction = auction;
    this.valuation = Map.copyOf(valuation);
    for (CowOrder o : auction.orders()) {
      orders.put(o.uid(), o);
    }
    for (int i = 0; i < auction.liquidity().size(); i++) {
      liquidityById
          .computeIfAbsent(auction.liquidity().get(i).id(), k -> new ArrayList<>(1))
          .add(i);
    }
  }

  /** The auction's reference prices of the tokens that have one. */
  public static Map<String, BigInteger> referencePrices(final CowAuction auction) {
    final Map<String, BigInteger> m = new HashMap<>();
    for (CowToken t : auction.tokens().values()) {
      if (t.referencePrice() != null && t.referencePrice().signum() > 0) {
        m.put(t.address(), t.referencePrice());
      }
    }
    return m;
  }

  /** Validates every solution. */
  public List<ValidationReport> validate(final List<Solution> solutions) {
    final List<ValidationReport> out = new ArrayList<>(solutions.size());
    final Set<Long> ids = new HashSet<>();
    for (Solution s : solutions) {
      final ValidationReport r = validate(s);
      if (!ids.add(s.id())) {
        final List<String> v = new ArrayList<>(r.violations());
        v.add("solution id " + s.id() + " is not unique");
        out.add(new ValidationReport(s.id(), List.copyOf(v), r.trades()));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  /** Validates one solution from the auction's state. */
  public ValidationReport validate(final Solution s) {
    final List<String> bad = new ArrayList<>();
    final List<TradeSurplus> surplus = new ArrayList<>();
    final Map<String, BigInteger> balance = new HashMap<>();
    final Set<String> seen = new HashSet<>();
    final List<BigInteger[]> payouts = new ArrayList<>();
    final List<String> payoutTokens = new ArrayList<>();
    if (s.trades().isEmpty()) {
      bad.add("no trades");
    }
    for (int k = 0; k < s.trades().size(); k++) {
      final Trade t = s.trades().get(k);
      final String where = "trades[" + k + "] (" + shortUid(t.order()) + ")";
      final CowOrder o = orders.get(t.order());
      if (o == null) {
        bad.add(where + ": no such order in the auction");
        continue;
      }
      if (!seen.add(o.uid())) {
        bad.add(where + ": order traded twice");
      }
      final BigInteger ps = s.prices().get(o.sellToken());
      final BigInteger pb = s.prices().get(o.buyToken());
      if (ps == null || pb == null || ps.signum() <= 0 || pb.signum() <= 0) {
        bad.add(where + ": no positive clearing price for the sell or buy token");
        continue;
      }
      final BigInteger fee = t.feeOrZero();
      if (fee.signum() < 0 || t.executedAmount().signum() <= 0) {
        bad.add(where + ": executed amount must be positive and the fee non-negative");
        continue;
      }
      if (o.orderClass() == CowOrder.OrderClass.MARKET && fee.signum() != 0) {
        bad.add(where + ": a market order carries no solver fee");
      }
      final BigInteger sold;
      final BigInteger bought;
      if (o.kind() == CowOrder.Kind.SELL) {
        sold = t.executedAmount().add(fee);
        bought = ceilDiv(t.executedAmount().multiply(ps), pb);
        final int c = sold.compareTo(o.sellAmount());
        if (o.partiallyFillable() ? c > 0 : c != 0) {
          bad.add(
              where
                  + ": executed "
                  + t.executedAmount()
                  + " + fee "
                  + fee
                  + (o.partiallyFillable() ? " exceeds" : " differs from")
                  + " sellAmount "
                  + o.sellAmount());
        }
      } else {
        bought = t.executedAmount();
        sold = t.executedAmount().multiply(pb).divide(ps).add(fee);
        final int c = bought.compareTo(o.buyAmount());
        if (o.partiallyFillable() ? c > 0 : c != 0) {
          bad.add(
              where
                  + ": executed "
                  + bought
                  + (o.partiallyFillable() ? " exceeds" : " differs from")
                  + " buyAmount "
                  + o.buyAmount());
        }
      }
      if (sold.multiply(o.buyAmount()).compareTo(bought.multiply(o.sellAmount())) > 0) {
        bad.add(where + ": limit price violated (sold " + sold + ", bought " + bought + ")");
      }
      balance.merge(o.sellToken(), sold, BigInteger::add);
      payouts.add(new BigInteger[] {bought});
      payoutTokens.add(o.buyToken());
      final BigInteger surplusBuy;
      if (o.kind() == CowOrder.Kind.SELL) {
        surplusBuy = bought.subtract(ceilDiv(o.buyAmount().multiply(sold), o.sellAmount()));
      } else {
        final BigInteger saving =
            o.sellAmount().multiply(bought).divide(o.buyAmount()).subtract(sold);
        surplusBuy = saving.multiply(ps).divide(pb);
      }
      surplus.add(
          new TradeSurplus(
              o.uid(), o.buyToken(), sold, bought, surplusBuy, inNative(o.buyToken(), surplusBuy)));
    }
    interactions(s, bad, balance);
    for (int k = 0; k < payouts.size(); k++) {
      balance.merge(payoutTokens.get(k), payouts.get(k)[0].negate(), BigInteger::add);
    }
    for (Map.Entry<String, BigInteger> e : new java.util.TreeMap<>(balance).entrySet()) {
      if (e.getValue().signum() < 0) {
        bad.add("settlement balance of " + e.getKey() + " ends negative: " + e.getValue());
      }
    }
    if (s.gas() <= 0) {
      bad.add("gas must be positive");
    }
    return new ValidationReport(s.id(), List.copyOf(bad), List.copyOf(surplus));
  }

  private void interactions(
      final Solution s, final List<String> bad, final Map<String, BigInteger> balance) {
    final Map<Integer, LoadedPool> fresh = new HashMap<>();
    final Map<String, BigInteger> bufferUsed = new HashMap<>();
    final SwapResult r = new SwapResult();
    final CowPoolLoader loader = new CowPoolLoader();
    for (int k = 0; k < s.interactions().size(); k++) {
      final LiquidityInteraction i = s.interactions().get(k);
      final String where = "interactions[" + k + "] (liquidity " + i.id() + ")";
      final BigInteger have = balance.getOrDefault(i.inputToken(), BigInteger.ZERO);
      if (have.compareTo(i.inputAmount()) < 0) {
        bad.add(
            where
                + ": the settlement holds "
                + have
                + " of "
                + i.inputToken()
                + ", the interaction sells "
                + i.inputAmount());
      }
      balance.put(i.inputToken(), have.subtract(i.inputAmount()));
      balance.merge(i.outputToken(), i.outputAmount(), BigInteger::add);
      if (i.internalize()) {
        final CowToken in = auction.tokens().get(i.inputToken());
        final CowToken out = auction.tokens().get(i.outputToken());
        if (in == null || !in.trusted()) {
          bad.add(where + ": internalized but its input token is not trusted");
        }
        final BigInteger used =
            bufferUsed.merge(i.outputToken(), i.outputAmount(), BigInteger::add);
        if (out == null || used.compareTo(out.availableBalance()) > 0) {
          bad.add(where + ": internalized beyond the buffer of " + i.outputToken());
        }
      }
      final LoadedPool pool = pool(i, fresh, loader);
      if (pool == null) {
        bad.add(where + ": no usable liquidity with this id trades these tokens");
        continue;
      }
      final int a = pool.tokenIndex(i.inputToken());
      final int b = pool.tokenIndex(i.outputToken());
      if (i.inputAmount().bitLength() > 256
          || !pool.pool().exactIn(a, b, UInt256.of(i.inputAmount()), r)
          || !r.amountIn.toBigInteger().equals(i.inputAmount())) {
        bad.add(where + ": the pool cannot take " + i.inputAmount() + " (" + r.failure() + ")");
        continue;
      }
      if (r.amountOut.toBigInteger().compareTo(i.outputAmount()) < 0) {
        // The driver encodes an interaction as an exact-output swap with at most inputAmount in.
        if (!pool.pool().exactOut(a, b, UInt256.of(i.outputAmount()), r)
            || r.amountIn.toBigInteger().compareTo(i.inputAmount()) > 0) {
          bad.add(
              where
                  + ": the pool cannot pay "
                  + i.outputAmount()
                  + " for at most "
                  + i.inputAmount());
          continue;
        }
      }
      pool.pool().apply(a, b, r);
    }
  }

  /** A fresh copy of the pool the interaction names (fresh per solution, shared within it). */
  private LoadedPool pool(
      final LiquidityInteraction i,
      final Map<Integer, LoadedPool> fresh,
      final CowPoolLoader loader) {
    for (int index : liquidityById.getOrDefault(i.id(), List.of())) {
      final CowLiquidity src = auction.liquidity().get(index);
      final List<String> toks = src.tokenAddresses();
      if (!toks.contains(i.inputToken()) || !toks.contains(i.outputToken())) {
        continue;
      }
      final LoadedPool p = fresh.computeIfAbsent(index, x -> loader.load(x, src));
      return p.usable() ? p : null;
    }
    return null;
  }

  private double inNative(final String token, final BigInteger amount) {
    final BigInteger price = valuation.get(token);
    if (price == null) {
      return Double.NaN;
    }
    return new BigDecimal(amount.multiply(price))
        .divide(new BigDecimal(E18), MathContext.DECIMAL64)
        .doubleValue();
  }

  private static BigInteger ceilDiv(final BigInteger a, final BigInteger b) {
    final BigInteger[] qr = a.divideAndRemainder(b);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }

  private static String shortUid(final String uid) {
    return uid.length() > 12 ? uid.substring(0, 12) + "…" : uid;
  }
}
