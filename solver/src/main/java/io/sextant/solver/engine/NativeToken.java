package io.sextant.solver.engine;

import java.math.BigInteger;

/**
 * The chain's wrapped native token and how much of it to buy when estimating the native price of a
 * token without a reference price (the reference solver's {@code
 * native-token-price-estimation-amount}).
 *
 * @param address lowercase address of the wrapped native token (WETH on mainnet)
 * @param estimationAmount base units of it to buy when estimating a price
 */
public record NativeToken(String address, BigInteger estimationAmount) {
  /** Mainnet WETH, estimating with 0.1 WETH. */
  public static final NativeToken MAINNET =
      new NativeToken("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", BigInteger.TEN.pow(17));
}
