package io.sextant.solver.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one decision as an analyst would: the request (orders, reference prices) and the response
 * (solutions: clearing prices, trades, liquidity interactions) parsed with Jackson, turned into
 * per-trade figures (executed amounts, surplus and size in ETH, price impact against the reference
 * prices, number of legs) and per-leg rows. Cold path. Fields the analysis cannot use (a trade of
 * an unknown order, a token without a reference price) leave that figure NaN instead of failing.
 */
public final class SolutionAnalysis {
  private static final ObjectMapper JSON = new ObjectMapper();
  // amount × referencePrice / 10^18 is wei (referencePrice: wei per 10^18 base units); / 10^18 more
  // is ETH.
  private static final BigDecimal ETH_SCALE = BigDecimal.TEN.pow(36);

  /** One leg of a solution: a liquidity interaction. */
  public record Leg(
      String auctionId,
      long decisionIndex,
      int solution,
      int leg,
      String pool,
      String inputToken,
      String outputToken,
      BigInteger inputAmount,
      BigInteger outputAmount) {}

  /**
   * One fulfilled order of a solution. Surplus is in ETH at the auction's reference prices (in the
   * buy token for sell orders, the sell token for buy orders); price impact is {@code 1 − executed
   * rate / reference rate} (positive: worse than the reference).
   */
  public record Trade(
      String auctionId,
      long decisionIndex,
      int solution,
      String order,
      String kind,
      String sellToken,
      String buyToken,
      BigInteger executedSell,
      BigInteger executedBuy,
      double sizeEth,
      double surplusEth,
      double priceImpact,
      int legs) {}

  /** A whole decision: its trades and legs. */
  public record Auction(
      String auctionId, long decisionIndex, int solutions, List<Trade> trades, List<Leg> legs) {
    /** Surplus over all trades (NaN ones skipped), ETH. */
    public double surplusEth() {
      double s = 0;
      for (final Trade t : trades) {
        if (!Double.isNaN(t.surplusEth())) {
          s += t.surplusEth();
        }
      }
      return s;
    }
  }

  private SolutionAnalysis() {}

  /**
   * Analyses the decision at {@code decisionIndex}: {@code request} is the {@code /solve} body,
   * {@code response} the engine's answer.
   *
   * @throws IllegalArgumentException either is not JSON of the expected shape (names the path)
   */
  public static Auction analyse(
      final long decisionIndex, final byte[] request, final byte[] response) {
    final JsonNode req = parse(request, "request");
    final JsonNode resp = parse(response, "response");
    final String auctionId = req.path("id").asText("");
    final Map<String, JsonNode> orders = new HashMap<>();
    for (final JsonNode o : req.path("orders")) {
      orders.put(o.path("uid").asText(), o);
    }
    final JsonNode tokens = req.path("tokens");
    final JsonNode solutions = resp.path("solutions");
    if (!solutions.isArray()) {
      throw new IllegalArgumentException("response.solutions: expected an array");
    }
    final List<Trade> trades = new ArrayList<>();
    final List<Leg> legs = new ArrayList<>();
    for (int s = 0; s < solutions.size(); s++) {
      final JsonNode sol = solutions.get(s);
      final JsonNode interactions = sol.path("interactions");
      int leg = 0;
      for (final JsonNode i : interactions) {
        if (!"liquidity".equals(i.path("kind").asText())) {
          continue;
        }
        legs.add(
            new Leg(
                auctionId,
                decisionIndex,
                s,
                leg++,
                i.path("id").asText(),
                i.path("inputToken").asText().toLowerCase(java.util.Locale.ROOT),
                i.path("outputToken").asText().toLowerCase(java.util.Locale.ROOT),
                integer(i.path("inputAmount"), "solutions[" + s + "].interactions.inputAmount"),
                integer(i.path("outputAmount"), "solutions[" + s + "].interactions.outputAmount")));
      }
      final JsonNode prices = sol.path("prices");
      final JsonNode ts = sol.path("trades");
      for (int k = 0; k < ts.size(); k++) {
        final JsonNode t = ts.get(k);
        final JsonNode o = orders.get(t.path("order").asText());
        if (o == null) {
          continue; // JIT orders and unknown uids have no limit to measure against
        }
        final String sell = o.path("sellToken").asText().toLowerCase(java.util.Locale.ROOT);
        final String buy = o.path("buyToken").asText().toLowerCase(java.util.Locale.ROOT);
        final String path = "solutions[" + s + "].trades[" + k + "]";
        trades.add(trade(auctionId, decisionIndex, s, t, o, sell, buy, prices, tokens, legs, path));
      }
    }
    return new Auction(auctionId, decisionIndex, solutions.size(), trades, legs);
  }

  private static Trade trade(
      final String auctionId,
      final long decisionIndex,
      final int s,
      final JsonNode t,
      final JsonNode o,
      final String sell,
      final String buy,
      final JsonNode prices,
      final JsonNode tokens,
      final List<Leg> legs,
      final String path) {
    final BigInteger executed = integer(t.path("executedAmount"), path + ".executedAmount");
    final BigInteger sellAmount = integer(o.path("sellAmount"), "order.sellAmount");
    final BigInteger buyAmount = integer(o.path("buyAmount"), "order.buyAmount");
    final BigInteger pSell = optional(prices.path(sell));
    final BigInteger pBuy = optional(prices.path(buy));
    final boolean isSell = "sell".equals(o.path("kind").asText());
    BigInteger execSell = null;
    BigInteger execBuy = null;
    double surplus = Double.NaN;
    if (pSell != null && pBuy != null && pSell.signum() > 0 && pBuy.signum() > 0) {
      if (isSell) {
        execSell = executed;
        execBuy = executed.multiply(pSell).divide(pBuy);
        if (sellAmount.signum() > 0) {
          final BigInteger limit = ceilDiv(buyAmount.multiply(executed), sellAmount);
          surplus = eth(execBuy.subtract(limit), tokens.path(buy));
        }
      } else {
        execBuy = executed;
        execSell = ceilDiv(executed.multiply(pBuy), pSell);
        if (buyAmount.signum() > 0) {
          final BigInteger limit = sellAmount.multiply(executed).divide(buyAmount);
          surplus = eth(limit.subtract(execSell), tokens.path(sell));
        }
      }
    }
    final double size = execSell == null ? Double.NaN : eth(execSell, tokens.path(sell));
    double impact = Double.NaN;
    final BigInteger refSell = optional(tokens.path(sell).path("referencePrice"));
    final BigInteger refBuy = optional(tokens.path(buy).path("referencePrice"));
    if (execSell != null
        && execSell.signum() > 0
        && refSell != null
        && refBuy != null
        && refSell.signum() > 0
        && refBuy.signum() > 0) {
      // executed buy per sell against reference buy per sell = refSell / refBuy.
      final BigDecimal executedRate =
          new BigDecimal(execBuy).divide(new BigDecimal(execSell), MathContext.DECIMAL64);
      final BigDecimal referenceRate =
          new BigDecimal(refSell).divide(new BigDecimal(refBuy), MathContext.DECIMAL64);
      impact = 1.0 - executedRate.divide(referenceRate, MathContext.DECIMAL64).doubleValue();
    }
    int n = 0;
    for (final Leg l : legs) {
      if (l.solution() == s && l.inputToken().equals(sell)) {
        n++;
      }
    }
    return new Trade(
        auctionId,
        decisionIndex,
        s,
        t.path("order").asText(),
        isSell ? "sell" : "buy",
        sell,
        buy,
        execSell,
        execBuy,
        size,
        surplus,
        impact,
        n);
  }

  private static double eth(final BigInteger amount, final JsonNode token) {
    final BigInteger ref = optional(token.path("referencePrice"));
    if (ref == null) {
      return Double.NaN;
    }
    return new BigDecimal(amount.multiply(ref))
        .divide(ETH_SCALE, MathContext.DECIMAL64)
        .doubleValue();
  }

  private static BigInteger ceilDiv(final BigInteger a, final BigInteger b) {
    final BigInteger[] qr = a.divideAndRemainder(b);
    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  private static BigInteger optional(final JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    try {
      return new BigInteger(n.asText());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static BigInteger integer(final JsonNode n, final String path) {
    if (n.isMissingNode() || n.isNull()) {
      throw new IllegalArgumentException(path + ": missing");
    }
    try {
      return new BigInteger(n.asText());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(path + ": not an integer: \"" + n.asText() + "\"");
    }
  }

  private static JsonNode parse(final byte[] json, final String what) {
    try {
      final JsonNode n = JSON.readTree(json);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException(what + ": expected a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": not JSON: " + e.getMessage());
    }
  }
}
