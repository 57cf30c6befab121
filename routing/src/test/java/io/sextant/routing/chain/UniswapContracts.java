package io.sextant.routing.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int16;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint112;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Deployment and calls of the real Uniswap contracts (bytecode from {@code @uniswap/v2-core@1.0.1},
 * {@code @uniswap/v2-periphery}, {@code @uniswap/v3-core@1.0.1}) and of our harness ({@code
 * tools/chain/contracts/SextantHarness.sol}: an open-mint test token, and a contract that pays
 * pools, implements the V3 callbacks and snapshots a V3 pool's ticks in one call).
 */
@SuppressWarnings("rawtypes") // web3j's ABI types are raw in its API
public final class UniswapContracts {
  static final String V2_FACTORY = "node_modules/@uniswap/v2-core/build/UniswapV2Factory.json";
  static final String V2_ROUTER02 =
      "node_modules/@uniswap/v2-periphery/build/UniswapV2Router02.json";
  static final String V3_FACTORY =
      "node_modules/@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json";
  static final String TEST_TOKEN = "build/TestToken.json";
  static final String HARNESS = "build/SextantHarness.json";

  /** keccak256("Swap(address,address,int256,int256,uint160,uint128,int24)"), the V3 pool event. */
  static final String V3_SWAP_TOPIC =
      "0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67";

  /** keccak256("Sync(uint112,uint112)"), the V2 pair event. */
  static final String V2_SYNC_TOPIC =
      "0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1";

  private final Chain chain;

  /** The harness contract, deployed by the constructor. */
  public final String harness;

  public UniswapContracts(final Chain chain) {
    this.chain = chain;
    this.harness = chain.deploy(ChainFixtures.bytecode(HARNESS), "");
  }

  /** Wraps calls through {@code chain} to an already deployed {@code harness}. */
  public UniswapContracts(final Chain chain, final String harness) {
    this.chain = chain;
    this.harness = harness;
  }

  public Chain chain() {
    return chain;
  }

  // ------------------------------------------------------------------ tokens

  /** Deploys an open-mint ERC-20 with the given decimals. */
  public String deployToken(final String symbol, final int decimals) {
    return chain.deploy(
        ChainFixtures.bytecode(TEST_TOKEN),
        FunctionEncoder.encodeConstructor(
            List.of(new Utf8String(symbol), new Utf8String(symbol), new Uint8(decimals))));
  }

  // ------------------------------------------------------------------ Uniswap V2

  /** Deploys UniswapV2Factory(feeToSetter = sender). */
  public String deployV2Factory() {
    return chain.deploy(
        ChainFixtures.bytecode(V2_FACTORY),
        FunctionEncoder.encodeConstructor(List.of(new Address(chain.sender()))));
  }

  /** Deploys UniswapV2Router02(factory, weth); only its pure quote functions are used. */
  public String deployV2Router(final String factory, final String weth) {
    return chain.deploy(
        ChainFixtures.bytecode(V2_ROUTER02),
        FunctionEncoder.encodeConstructor(List.of(new Address(factory), new Address(weth))));
  }

  /** Creates the pair of two tokens and returns its address. */
  public String createPair(final String factory, final String tokenA, final String tokenB) {
    chain.send(factory, fn("createPair", new Address(tokenA), new Address(tokenB)));
    return address(
        chain.call(
            factory,
            fn(
                "getPair",
                List.of(new Address(tokenA), new Address(tokenB)),
                List.of(new TypeReference<Address>() {}))));
  }

  /** The pair's or pool's token0. */
  public String token0(final String pool) {
    return address(
        chain.call(pool, fn("token0", List.of(), List.of(new TypeReference<Address>() {}))));
  }

  /** Mints both amounts into the pair and mints LP tokens to the harness. */
  public void v2AddLiquidity(
      final String pair,
      final String token0,
      final String token1,
      final BigInteger amount0,
      final BigInteger amount1) {
    chain.send(
        harness,
        fn(
            "v2AddLiquidity",
            new Address(pair),
            new Address(token0),
            new Address(token1),
            new Uint256(amount0),
            new Uint256(amount1)));
  }

  /** getReserves() of a pair: {reserve0, reserve1}. */
  public BigInteger[] v2Reserves(final String pair) {
    final List<Type> out =
        chain.call(
            pair,
            fn(
                "getReserves",
                List.of(),
                List.of(
                    new TypeReference<Uint112>() {},
                    new TypeReference<Uint112>() {},
                    new TypeReference<Uint32>() {})));
    return new BigInteger[] {uint(out.get(0)), uint(out.get(1))};
  }

  /**
   * Calldata of the harness's v2Swap: pay {@code amountIn} of {@code tokenIn}, ask for the outs.
   */
  public String v2SwapCall(
      final String pair,
      final String tokenIn,
      final BigInteger amountIn,
      final BigInteger amount0Out,
      final BigInteger amount1Out) {
    return FunctionEncoder.encode(
        fn(
            "v2Swap",
            new Address(pair),
            new Address(tokenIn),
            new Uint256(amountIn),
            new Uint256(amount0Out),
            new Uint256(amount1Out)));
  }

  /** Reserves {reserve0, reserve1} from the pair's Sync event in a receipt. */
  public static BigInteger[] syncReserves(final TransactionReceipt receipt, final String pair) {
    for (final Log log : receipt.getLogs()) {
      if (log.getAddress().equalsIgnoreCase(pair)
          && log.getTopics().get(0).equalsIgnoreCase(V2_SYNC_TOPIC)) {
        final byte[] data = Numeric.hexStringToByteArray(log.getData());
        return new BigInteger[] {word(data, 0, false), word(data, 1, false)};
      }
    }
    throw new IllegalStateException("no Sync event of " + pair + " in " + receipt);
  }

  /** Router02.getAmountIn(amountOut, reserveIn, reserveOut), i.e. UniswapV2Library.getAmountIn. */
  public BigInteger routerGetAmountIn(
      final String router,
      final BigInteger amountOut,
      final BigInteger reserveIn,
      final BigInteger reserveOut) {
    return uint(
        chain
            .call(
                router,
                fn(
                    "getAmountIn",
                    List.of(
                        new Uint256(amountOut), new Uint256(reserveIn), new Uint256(reserveOut)),
                    List.of(new TypeReference<Uint256>() {})))
            .get(0));
  }

  /** Router02.getAmountOut(amountIn, reserveIn, reserveOut). */
  public BigInteger routerGetAmountOut(
      final String router,
      final BigInteger amountIn,
      final BigInteger reserveIn,
      final BigInteger reserveOut) {
    return uint(
        chain
            .call(
                router,
                fn(
                    "getAmountOut",
                    List.of(new Uint256(amountIn), new Uint256(reserveIn), new Uint256(reserveOut)),
                    List.of(new TypeReference<Uint256>() {})))
            .get(0));
  }

  // ------------------------------------------------------------------ Uniswap V3

  /** Deploys UniswapV3Factory (owner = sender; fee tiers 500/10, 3000/60, 10000/200). */
  public String deployV3Factory() {
    return chain.deploy(ChainFixtures.bytecode(V3_FACTORY), "");
  }

  /** Owner call: enables a fee tier with its tick spacing. */
  public void enableFeeAmount(final String factory, final int fee, final int tickSpacing) {
    chain.send(factory, fn("enableFeeAmount", new Uint24(fee), new Int24(tickSpacing)));
  }

  /** Creates and initialises a pool; returns its address. */
  public String createV3Pool(
      final String factory,
      final String tokenA,
      final String tokenB,
      final int fee,
      final BigInteger sqrtPriceX96) {
    chain.send(
        factory, fn("createPool", new Address(tokenA), new Address(tokenB), new Uint24(fee)));
    final String pool =
        address(
            chain.call(
                factory,
                fn(
                    "getPool",
                    List.of(new Address(tokenA), new Address(tokenB), new Uint24(fee)),
                    List.of(new TypeReference<Address>() {}))));
    chain.send(pool, fn("initialize", new Uint160(sqrtPriceX96)));
    return pool;
  }

  /** Tick spacing of a pool. */
  public int tickSpacing(final String pool) {
    return ((BigInteger)
            chain
                .call(pool, fn("tickSpacing", List.of(), List.of(new TypeReference<Int24>() {})))
                .get(0)
                .getValue())
        .intValueExact();
  }

  /** Mints positions (one per index) through the harness; returns the receipt. */
  public TransactionReceipt v3MintMany(
      final String pool, final int[] tickLower, final int[] tickUpper, final BigInteger[] amount) {
    final List<Int24> lo = new ArrayList<>();
    final List<Int24> hi = new ArrayList<>();
    final List<Uint128> liq = new ArrayList<>();
    for (int i = 0; i < tickLower.length; i++) {
      lo.add(new Int24(tickLower[i]));
      hi.add(new Int24(tickUpper[i]));
      liq.add(new Uint128(amount[i]));
    }
    return chain.send(
        harness,
        fn(
            "v3MintMany",
            new Address(pool),
            new DynamicArray<>(Int24.class, lo),
            new DynamicArray<>(Int24.class, hi),
            new DynamicArray<>(Uint128.class, liq)));
  }

  /** Calldata of the harness's v3Swap. */
  public String v3SwapCall(
      final String pool,
      final boolean zeroForOne,
      final BigInteger amountSpecified,
      final BigInteger sqrtPriceLimitX96) {
    return FunctionEncoder.encode(
        fn(
            "v3Swap",
            new Address(pool),
            new Bool(zeroForOne),
            new Int256(amountSpecified),
            new Uint160(sqrtPriceLimitX96)));
  }

  /** The pool's Swap event in a receipt. */
  public static V3SwapEvent v3SwapEvent(final TransactionReceipt receipt, final String pool) {
    for (final Log log : receipt.getLogs()) {
      if (log.getAddress().equalsIgnoreCase(pool)
          && log.getTopics().get(0).equalsIgnoreCase(V3_SWAP_TOPIC)) {
        final byte[] data = Numeric.hexStringToByteArray(log.getData());
        return new V3SwapEvent(
            word(data, 0, true),
            word(data, 1, true),
            word(data, 2, false),
            word(data, 3, false),
            word(data, 4, true).intValueExact());
      }
    }
    throw new IllegalStateException("no Swap event of " + pool + " in " + receipt);
  }

  /** A V3 pool's Swap event: signed deltas (positive = paid to the pool) and the state after. */
  public record V3SwapEvent(
      BigInteger amount0,
      BigInteger amount1,
      BigInteger sqrtPriceX96,
      BigInteger liquidity,
      int tick) {}

  /**
   * Everything the swap loop reads from a V3 pool, in one {@code eth_call} of the harness's {@code
   * v3Snapshot}: price, tick, in-range liquidity, every non-empty bitmap word in the pool's whole
   * usable tick range and, per initialised tick (ascending), liquidityNet and liquidityGross.
   */
  public V3Snapshot v3Snapshot(final String pool, final int tickSpacing) {
    final int minWord = Math.floorDiv(Math.floorDiv(V3Snapshot.MIN_TICK, tickSpacing), 256);
    final int maxWord = Math.floorDiv(Math.floorDiv(V3Snapshot.MAX_TICK, tickSpacing), 256);
    // Decoded by hand: web3j's reflective decoder costs ~50 ms for a few hundred ticks.
    final String data =
        FunctionEncoder.encode(
            fn("v3Snapshot", new Address(pool), new Int16(minWord), new Int16(maxWord)));
    final byte[] out = Numeric.hexStringToByteArray(chain.call(harness, data));
    return new V3Snapshot(
        tickSpacing,
        word(out, 0, false),
        word(out, 1, true).intValueExact(),
        word(out, 2, false),
        ints(array(out, 3, true)),
        array(out, 4, false),
        ints(array(out, 5, true)),
        array(out, 6, true),
        array(out, 7, false));
  }

  /** The dynamic array whose offset is head word {@code head} of an ABI-encoded tuple. */
  private static BigInteger[] array(final byte[] out, final int head, final boolean signed) {
    final int offset = word(out, head, false).intValueExact();
    final int length =
        new BigInteger(1, Arrays.copyOfRange(out, offset, offset + 32)).intValueExact();
    final BigInteger[] values = new BigInteger[length];
    for (int i = 0; i < length; i++) {
      final int at = offset + 32 + 32 * i;
      final byte[] w = Arrays.copyOfRange(out, at, at + 32);
      values[i] = signed ? new BigInteger(w) : new BigInteger(1, w);
    }
    return values;
  }

  private static int[] ints(final BigInteger[] values) {
    final int[] out = new int[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i].intValueExact();
    }
    return out;
  }

  // ------------------------------------------------------------------ helpers

  @SuppressWarnings("rawtypes")
  private static BigInteger uint(final Type value) {
    return (BigInteger) value.getValue();
  }

  @SuppressWarnings("rawtypes")
  private static String address(final List<Type> out) {
    return ((Address) out.get(0)).getValue();
  }

  private static BigInteger word(final byte[] data, final int index, final boolean signed) {
    final byte[] w = Arrays.copyOfRange(data, index * 32, index * 32 + 32);
    return signed ? new BigInteger(w) : new BigInteger(1, w);
  }

  @SuppressWarnings("rawtypes")
  private static Function fn(final String name, final Type... inputs) {
    return new Function(name, List.of(inputs), List.of());
  }

  @SuppressWarnings("rawtypes")
  private static Function fn(
      final String name, final List<Type> inputs, final List<TypeReference<?>> outputs) {
    return new Function(name, inputs, outputs);
  }
}
