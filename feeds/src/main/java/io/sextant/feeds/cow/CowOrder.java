package io.sextant.feeds.cow;

import java.math.BigInteger;
import java.util.List;

/**
 * An order of the auction, as the driver sends it: {@code sellAmount}/{@code buyAmount} are the
 * remaining limit amounts, {@code full*} the signed ones, all in base units.
 *
 * @param uid {@code 0x} + 112 hex digits
 * @param sellToken lowercase address of the token sold
 * @param buyToken lowercase address of the token bought
 * @param sellAmount remaining sell limit
 * @param buyAmount remaining buy limit
 * @param fullSellAmount signed sell amount
 * @param fullBuyAmount signed buy amount
 * @param kind sell or buy
 * @param partiallyFillable whether the order may be filled in part
 * @param orderClass market or limit (limit orders carry a solver-chosen fee)
 * @param owner lowercase owner address
 * @param receiver lowercase receiver address, or {@code null}
 * @param validTo expiry, seconds since the epoch
 * @param feePolicies protocol fee policies, possibly empty
 */
public record CowOrder(
    String uid,
    String sellToken,
    String buyToken,
    BigInteger sellAmount,
    BigInteger buyAmount,
    BigInteger fullSellAmount,
    BigInteger fullBuyAmount,
    Kind kind,
    boolean partiallyFillable,
    OrderClass orderClass,
    String owner,
    String receiver,
    long validTo,
    List<FeePolicy> feePolicies) {

  /** Which side of the order is exact. */
  public enum Kind {
    /** Sell exactly {@code sellAmount}, receive at least {@code buyAmount}. */
    SELL,
    /** Receive exactly {@code buyAmount}, pay at most {@code sellAmount}. */
    BUY
  }

  /** Market orders are fee-less for the solver; limit orders carry the solver's fee. */
  public enum OrderClass {
    /** A market order. */
    MARKET,
    /** A limit order. */
    LIMIT
  }

  /**
   * A protocol fee policy.
   *
   * @param kind {@code surplus}, {@code priceImprovement} or {@code volume}
   * @param factor the fee factor
   * @param maxVolumeFactor cap as a fraction of volume ({@code NaN} for volume policies)
   * @param quote the quote of a price-improvement policy, or {@code null}
   */
  public record FeePolicy(String kind, double factor, double maxVolumeFactor, Quote quote) {}

  /**
   * A price-improvement policy's reference quote.
   *
   * @param sellAmount quoted sell amount
   * @param buyAmount quoted buy amount
   * @param fee quoted fee
   */
  public record Quote(BigInteger sellAmount, BigInteger buyAmount, BigInteger fee) {}
}
