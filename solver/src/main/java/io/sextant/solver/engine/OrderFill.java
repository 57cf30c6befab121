package io.sextant.solver.engine;

import io.sextant.feeds.cow.CowOrder;
import java.math.BigInteger;

/**
 * How one order is filled on its own through the pools.
 *
 * @param order the order
 * @param executedAmount the trade's {@code executedAmount} (sell token for sell orders, fee
 *     excluded; buy token for buy orders)
 * @param fee the solver's fee in the sell token, {@code null} for market orders
 * @param sold sell token leaving the owner, fee included
 * @param bought buy token reaching the owner
 * @param route the route through the pools
 * @param surplus surplus over the limit price: buy token for sell orders, sell token for buy orders
 */
public record OrderFill(
    CowOrder order,
    BigInteger executedAmount,
    BigInteger fee,
    BigInteger sold,
    BigInteger bought,
    Route route,
    BigInteger surplus) {
  /**
   * Clearing prices that give the owner exactly {@code bought} for {@code sold − fee} under GPv2
   * rounding: sell orders {@code {sell: bought, buy: executed}}, buy orders {@code {sell: executed,
   * buy: input}}.
   */
  public BigInteger sellPrice() {
    return order.kind() == CowOrder.Kind.SELL ? bought : executedAmount;
  }

  /** See {@link #sellPrice()}. */
  public BigInteger buyPrice() {
    return order.kind() == CowOrder.Kind.SELL ? executedAmount : route.amountIn();
  }
}
