package io.sextant.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.routing.chain.AnvilNode;
import io.sextant.routing.chain.Chain;
import io.sextant.routing.chain.UniswapContracts;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ3.TickMath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine;

/**
 * {@code sextant feed} in-process (picocli) against a private anvil node with a Uniswap V2 pair and
 * a V3 pool (real bytecode): it follows the chain over WebSocket while transactions land, stops at
 * {@code --until-block}, and its {@code --dump} is a CoW liquidity array that {@code simulate}
 * loads; the amounts simulate quotes are what the chain then pays (V3: the same swap executed on
 * chain; V2: the pair's getAmountOut formula on the reserves read by eth_call).
 */
class FeedCommandAnvilTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void followsUntilTheBlockAndDumpsLiquiditySimulateLoads() throws Exception {
    try (AnvilNode node = AnvilNode.start();
        Chain chain = new Chain(node)) {
      final UniswapContracts uni = new UniswapContracts(chain);
      final String a = uni.deployToken("AAA", 18);
      final String b = uni.deployToken("BBB", 18);
      final String pair = uni.createPair(uni.deployV2Factory(), a, b);
      final String token0 = uni.token0(pair);
      final String token1 = token0.equalsIgnoreCase(a) ? b : a;
      uni.v2AddLiquidity(
          pair, token0, token1, BigInteger.TEN.pow(24), BigInteger.TEN.pow(24).shiftLeft(1));
      final String pool =
          uni.createV3Pool(uni.deployV3Factory(), a, b, 3000, BigInteger.ONE.shiftLeft(96));
      uni.v3MintMany(
          pool,
          new int[] {-6000, -600, 0},
          new int[] {6000, 0, 600},
          new BigInteger[] {
            BigInteger.TEN.pow(22), BigInteger.TEN.pow(21), BigInteger.TEN.pow(21)
          });
      final Path pools = dir.resolve("pools.json");
      Files.writeString(
          pools,
          "[{\"kind\":\"uniswapV2\",\"address\":\""
              + pair
              + "\",\"fee\":\"0.003\"},{\"kind\":\"uniswapV3\",\"address\":\""
              + pool
              + "\"}]");
      final long start = chain.web3().ethBlockNumber().send().getBlockNumber().longValueExact();
      final int txs = 6;
      final Path dump = dir.resolve("liquidity.json");
      final StringWriter out = new StringWriter();
      final StringWriter err = new StringWriter();
      final ExecutorService cli = Executors.newSingleThreadExecutor();
      final Future<Integer> exit =
          cli.submit(
              () -> {
                final CommandLine cl = SextantCommand.newCommandLine();
                cl.setOut(new PrintWriter(out));
                cl.setErr(new PrintWriter(err));
                return cl.execute(
                    "feed",
                    "--rpc",
                    node.rpcUrl(),
                    "--ws",
                    node.rpcUrl().replace("http://", "ws://"),
                    "--pools",
                    pools.toString(),
                    "--until-block",
                    Long.toString(start + txs),
                    "--dump",
                    dump.toString(),
                    "--progress-ms",
                    "200",
                    "--poll-ms",
                    "50");
              });
      // Wait until the feed has read the pools, then trade (one block per transaction).
      final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!out.toString().contains("pools from block") && System.nanoTime() < deadline) {
        assertTrue(!exit.isDone(), "feed ended early: " + out + err);
        Thread.sleep(20);
      }
      final UInt256 limit = new UInt256();
      for (int i = 0; i < txs; i++) {
        if (i % 2 == 0) {
          final BigInteger in = BigInteger.TEN.pow(20).multiply(BigInteger.valueOf(i + 1));
          chain.send(
              uni.harness, uni.v2SwapCall(pair, token0, in, BigInteger.ZERO, v2Out(uni, pair, in)));
        } else {
          new TickMath().getSqrtRatioAtTick(i % 4 == 1 ? -3000 : 3000, limit);
          chain.send(
              uni.harness,
              uni.v3SwapCall(pool, i % 4 == 1, BigInteger.TEN.pow(19), limit.toBigInteger()));
        }
      }
      assertEquals(0, exit.get(60, TimeUnit.SECONDS), "out: " + out + "\nerr: " + err);
      cli.shutdown();
      final String printed = out.toString();
      assertTrue(printed.contains("stopped at block " + (start + txs)), printed);
      assertTrue(printed.contains("wrote " + dump), printed);
      assertTrue(printed.contains("unknown pool 0, out of order 0, invalid 0"), printed);

      final JsonNode liquidity = JSON.readTree(dump.toFile());
      assertEquals(2, liquidity.size());
      final BigInteger[] reserves = uni.v2Reserves(pair);
      assertEquals(
          reserves[0].toString(),
          liquidity.get(0).get("tokens").get(token0.toLowerCase()).get("balance").asText());
      assertEquals("0.003", liquidity.get(0).get("fee").asText());

      // simulate on the dump: V2 against the formula, V3 against the chain itself.
      final ObjectNode auction = JSON.createObjectNode();
      auction.put("id", "1");
      auction.putObject("tokens");
      auction.putArray("orders");
      auction.set("liquidity", liquidity);
      auction.put("effectiveGasPrice", "1");
      auction.put("deadline", "2106-01-01T00:00:00.000Z");
      final Path auctionFile = dir.resolve("auction.json");
      Files.writeString(auctionFile, JSON.writeValueAsString(auction));
      final BigInteger v2In = BigInteger.TEN.pow(21);
      final BigInteger v3In = BigInteger.TEN.pow(20).multiply(BigInteger.valueOf(3));
      final ArrayNode swaps = JSON.createArrayNode();
      swaps
          .addObject()
          .put("pool", "0")
          .put("sellToken", token0)
          .put("buyToken", token1)
          .put("kind", "sell")
          .put("amount", v2In.toString());
      final String v3Token0 = uni.token0(pool);
      final String v3Token1 = v3Token0.equalsIgnoreCase(a) ? b : a;
      swaps
          .addObject()
          .put("pool", "1")
          .put("sellToken", v3Token0)
          .put("buyToken", v3Token1)
          .put("kind", "sell")
          .put("amount", v3In.toString());
      final Path swapsFile = dir.resolve("swaps.json");
      Files.writeString(swapsFile, JSON.writeValueAsString(swaps));
      final StringWriter simOut = new StringWriter();
      final CommandLine sim = SextantCommand.newCommandLine();
      sim.setOut(new PrintWriter(simOut));
      sim.setErr(new PrintWriter(new StringWriter()));
      assertEquals(
          0,
          sim.execute(
              "simulate",
              "--auction",
              auctionFile.toString(),
              "--swaps",
              swapsFile.toString(),
              "--json"));
      final JsonNode results = JSON.readTree(simOut.toString());
      assertEquals(
          v2Out(uni, pair, v2In).toString(),
          results.get(0).get("amountOut").asText(),
          results.toString());
      new TickMath().getSqrtRatioAtTick(TickMath.MIN_TICK + 1, limit);
      final TransactionReceipt r =
          chain.send(uni.harness, uni.v3SwapCall(pool, true, v3In, limit.toBigInteger()));
      final UniswapContracts.V3SwapEvent ev = UniswapContracts.v3SwapEvent(r, pool);
      assertEquals(v3In, ev.amount0());
      assertEquals(
          ev.amount1().negate().toString(),
          results.get(1).get("amountOut").asText(),
          results.toString());
    }
  }

  /** Uniswap V2 getAmountOut for token0 in, on the pair's current reserves. */
  private static BigInteger v2Out(
      final UniswapContracts uni, final String pair, final BigInteger in) {
    final BigInteger[] r = uni.v2Reserves(pair);
    final BigInteger inFee = in.multiply(BigInteger.valueOf(997));
    return inFee.multiply(r[1]).divide(r[0].multiply(BigInteger.valueOf(1000)).add(inFee));
  }
}
