package io.sextant.portfolio.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sextant.portfolio.breaker.BreakerSettings;
import io.sextant.portfolio.rebalance.RebalanceSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a portfolio specification from YAML. Every problem is a {@link
 * PortfolioSpecException} whose message starts with the key path ({@code assets[2].amount}); an
 * unknown key is an error, so a typo is not silently ignored. Cold path.
 */
public final class PortfolioSpecParser {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final double INF = Double.POSITIVE_INFINITY;

  /** Parses {@code yaml}. */
  public PortfolioSpec parse(final String yaml) {
    final JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      final var loc = e.getLocation();
      throw new PortfolioSpecException(
          "(yaml" + (loc == null ? "" : " line " + loc.getLineNr()) + ")", e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new PortfolioSpecException("(top level)", "empty document");
    }
    final SpecNode top = new SpecNode(root, "");
    final AssetsAndQuote aq = assets(top);
    final List<PortfolioSpec.Asset> assets = aq.assets;
    final List<PortfolioSpec.LpPosition> lps = lpPositions(top, assets);
    final List<PortfolioSpec.LendingSpec> loans = lending(top, assets);
    final PortfolioSpec.AllocationSpec allocation = allocation(top.child("allocation"), assets);
    final PortfolioSpec.RiskSpec risk = risk(top.child("risk"));
    final SpecNode rb = top.child("rebalance");
    final double perStep = 1 / Math.sqrt(risk.stepsPerYear());
    final RebalanceSettings rebalance =
        new RebalanceSettings(
            rb.number("aversion", 1.0, 1e-9, 1e12),
            rb.number("horizonSteps", 24, 1e-9, 1e9),
            rb.number("trackingErrorTrigger", 0.01, 0, 10) * perStep,
            rb.number("turnoverCap", INF, 1e-9, INF),
            rb.number("maxImpactPerStep", 0.005, 1e-9, 1),
            rb.integer("maxChildren", 24, 1, 10_000),
            rb.number("maxGasShare", 0.002, 1e-9, 1));
    rb.rejectUnknown();
    final PortfolioSpec.ExecutionSpec execution = execution(top.child("execution"));
    final BreakerSettings breakers = breakers(top.child("breakers"));
    final PortfolioSpec.BacktestSpec backtest = backtest(top.child("backtest"), assets);
    top.rejectUnknown();
    return new PortfolioSpec(
        aq.quote, assets, lps, loans, allocation, risk, rebalance, execution, breakers, backtest);
  }

  private record AssetsAndQuote(List<PortfolioSpec.Asset> assets, int quote) {}

  private static AssetsAndQuote assets(final SpecNode top) {
    final String quoteSymbol = top.text("quote", null);
    final JsonNode arr = top.raw("assets");
    if (arr == null || !arr.isArray() || arr.isEmpty()) {
      throw new PortfolioSpecException("assets", "must be a non-empty list");
    }
    if (arr.size() > 500) {
      throw new PortfolioSpecException("assets", "at most 500 assets, got " + arr.size());
    }
    final List<PortfolioSpec.Asset> out = new ArrayList<>();
    final Set<String> symbols = new HashSet<>();
    final Set<String> addresses = new HashSet<>();
    for (int i = 0; i < arr.size(); i++) {
      final SpecNode a = new SpecNode(arr.get(i), "assets[" + i + "]");
      final String symbol = a.text("symbol", null);
      if (symbol.isBlank() || !symbols.add(symbol)) {
        throw new PortfolioSpecException(a.key("symbol"), "blank or repeated: '" + symbol + "'");
      }
      final String address = a.text("address", null);
      if (!ADDRESS.matcher(address).matches()) {
        throw new PortfolioSpecException(
            a.key("address"), "must be 0x followed by 40 hex digits, got '" + address + "'");
      }
      if (!addresses.add(address.toLowerCase(Locale.ROOT))) {
        throw new PortfolioSpecException(a.key("address"), "repeated: " + address);
      }
      out.add(
          new PortfolioSpec.Asset(
              symbol,
              address.toLowerCase(Locale.ROOT),
              a.number("amount", Double.NaN, 0, 1e30),
              a.number("volatility", Double.NaN, 0, 20),
              a.optionalNumber("target", 0, 1),
              a.number("minWeight", 0, -10, 10),
              a.number("maxWeight", 1, -10, 10),
              a.number("expectedReturn", 0, -10, 10)));
      if (out.get(i).minWeight() > out.get(i).maxWeight()) {
        throw new PortfolioSpecException(a.key("minWeight"), "above maxWeight");
      }
      a.rejectUnknown();
    }
    int quote = -1;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).symbol().equals(quoteSymbol)) {
        quote = i;
      }
    }
    if (quote < 0) {
      throw new PortfolioSpecException("quote", "no asset has symbol '" + quoteSymbol + "'");
    }
    return new AssetsAndQuote(List.copyOf(out), quote);
  }

  private static int assetRef(
      final SpecNode n, final String k, final List<PortfolioSpec.Asset> assets) {
    final String s = n.text(k, null);
    for (int i = 0; i < assets.size(); i++) {
      if (assets.get(i).symbol().equals(s)) {
        return i;
      }
    }
    throw new PortfolioSpecException(n.key(k), "no asset has symbol '" + s + "'");
  }

  private static List<JsonNode> list(final SpecNode top, final String k) {
    final JsonNode arr = top.raw(k);
    if (arr == null || arr.isNull()) {
      return List.of();
    }
    if (!arr.isArray()) {
      throw new PortfolioSpecException(k, "must be a list");
    }
    final List<JsonNode> out = new ArrayList<>();
    arr.forEach(out::add);
    return out;
  }

  private static List<PortfolioSpec.LpPosition> lpPositions(
      final SpecNode top, final List<PortfolioSpec.Asset> assets) {
    final List<PortfolioSpec.LpPosition> out = new ArrayList<>();
    final List<JsonNode> items = list(top, "lpPositions");
    for (int i = 0; i < items.size(); i++) {
      final SpecNode p = new SpecNode(items.get(i), "lpPositions[" + i + "]");
      final String kind = p.oneOf("kind", null, "uniswapV2", "uniswapV3");
      final int asset = assetRef(p, "asset", assets);
      final double liquidity = p.number("liquidity", Double.NaN, 0, 1e30);
      double lo = Double.NaN;
      double hi = Double.NaN;
      if (kind.equals("uniswapV3")) {
        lo = p.number("lowerPrice", Double.NaN, 1e-30, 1e30);
        hi = p.number("upperPrice", Double.NaN, 1e-30, 1e30);
        if (!(lo < hi)) {
          throw new PortfolioSpecException(p.key("upperPrice"), "must be above lowerPrice");
        }
      }
      p.rejectUnknown();
      out.add(new PortfolioSpec.LpPosition(kind, asset, liquidity, lo, hi));
    }
    return List.copyOf(out);
  }

  private static List<PortfolioSpec.LendingSpec> lending(
      final SpecNode top, final List<PortfolioSpec.Asset> assets) {
    final List<PortfolioSpec.LendingSpec> out = new ArrayList<>();
    final List<JsonNode> items = list(top, "lendingPositions");
    for (int i = 0; i < items.size(); i++) {
      final SpecNode p = new SpecNode(items.get(i), "lendingPositions[" + i + "]");
      final int c = assetRef(p, "collateral", assets);
      final double ca = p.number("collateralAmount", Double.NaN, 0, 1e30);
      final int d = assetRef(p, "debt", assets);
      if (d == c) {
        throw new PortfolioSpecException(p.key("debt"), "same asset as the collateral");
      }
      final double da = p.number("debtAmount", Double.NaN, 0, 1e30);
      final double lt = p.number("liquidationThreshold", Double.NaN, 1e-6, 1);
      p.rejectUnknown();
      out.add(new PortfolioSpec.LendingSpec(c, ca, d, da, lt));
    }
    return List.copyOf(out);
  }

  private static PortfolioSpec.AllocationSpec allocation(
      final SpecNode n, final List<PortfolioSpec.Asset> assets) {
    final String method =
        n.oneOf("method", "fixed", "fixed", "min-variance", "mean-variance", "risk-parity");
    final PortfolioSpec.AllocationSpec spec =
        new PortfolioSpec.AllocationSpec(
            method,
            n.number("riskAversion", 4, 1e-9, 1e9),
            n.bool("longOnly", true),
            n.number("turnoverCap", INF, 1e-9, INF),
            n.number("targetVolatility", INF, 1e-9, INF),
            n.integer("recomputeEvery", 24, 1, Integer.MAX_VALUE));
    n.rejectUnknown();
    if (method.equals("fixed")) {
      double sum = 0;
      for (int i = 0; i < assets.size(); i++) {
        final double t = assets.get(i).target();
        if (Double.isNaN(t)) {
          throw new PortfolioSpecException(
              "assets[" + i + "].target", "required when allocation.method is fixed");
        }
        sum += t;
      }
      if (Math.abs(sum - 1) > 1e-6) {
        throw new PortfolioSpecException("assets[*].target", "must sum to 1, sum to " + sum);
      }
    }
    return spec;
  }

  private static PortfolioSpec.RiskSpec risk(final SpecNode n) {
    double shrinkage;
    final JsonNode s = n.raw("shrinkage");
    if (s != null && s.isTextual()) {
      if (!s.textValue().equals("ledoit-wolf")) {
        throw new PortfolioSpecException(
            n.key("shrinkage"), "must be a number in [0, 1] or 'ledoit-wolf'");
      }
      shrinkage = Double.NaN;
    } else {
      shrinkage = n.number("shrinkage", 0.1, 0, 1);
    }
    final PortfolioSpec.RiskSpec spec =
        new PortfolioSpec.RiskSpec(
            n.number("ewmaLambda", 0.97, 1e-6, 1 - 1e-9),
            shrinkage,
            n.number("correlation", 0.5, -0.05, 0.99),
            n.number("varConfidence", 0.99, 0.5, 0.9999),
            n.number("stepsPerYear", 8760, 1, 1e9),
            n.integer("window", 500, 10, 1_000_000));
    n.rejectUnknown();
    return spec;
  }

  private static PortfolioSpec.ExecutionSpec execution(final SpecNode n) {
    final double min = n.number("sampleMin", 1_000, 1e-9, 1e15);
    final double max = n.number("sampleMax", 10_000_000, 1e-9, 1e15);
    if (!(max > min)) {
      throw new PortfolioSpecException(n.key("sampleMax"), "must be above sampleMin");
    }
    final PortfolioSpec.ExecutionSpec spec =
        new PortfolioSpec.ExecutionSpec(
            n.optionalNumber("gasPriceGwei", 0, 1e6),
            n.integer("maxHops", 2, 1, 4),
            min,
            max,
            n.integer("sampleCount", 9, 2, 100),
            n.number("minTradeNotional", 10, 0, 1e15),
            n.number("minHealthFactor", 1.5, 1, 100));
    n.rejectUnknown();
    return spec;
  }

  private static BreakerSettings breakers(final SpecNode n) {
    final SpecNode vol = n.child("volatility");
    final SpecNode liq = n.child("liquidity");
    final double fast = vol.number("fastLambda", 0.8, 1e-6, 1 - 1e-9);
    final double slow = vol.number("slowLambda", 0.995, 1e-6, 1 - 1e-9);
    if (!(slow > fast)) {
      throw new PortfolioSpecException(vol.key("slowLambda"), "must be above fastLambda");
    }
    final BreakerSettings s =
        new BreakerSettings(
            n.number("maxDeviation", 0.03, 1e-9, 10),
            fast,
            slow,
            vol.number("multiple", 4, 1.000001, 1e6),
            vol.integer("warmup", 50, 0, Integer.MAX_VALUE),
            liq.number("lambda", 0.95, 1e-6, 1 - 1e-9),
            liq.number("minFraction", 0.5, 1e-9, 1 - 1e-9),
            n.integer("rearmSteps", 6, 1, Integer.MAX_VALUE),
            vol.oneOf("action", "halt", "halt", "derisk").equals("halt")
                ? BreakerSettings.VolatilityAction.HALT
                : BreakerSettings.VolatilityAction.DERISK,
            vol.number("deriskFraction", 0.5, 0, 1));
    vol.rejectUnknown();
    liq.rejectUnknown();
    n.rejectUnknown();
    return s;
  }

  private static PortfolioSpec.BacktestSpec backtest(
      final SpecNode n, final List<PortfolioSpec.Asset> assets) {
    final SpecNode regime = n.child("regime");
    final SpecNode crash = n.child("crash");
    final int steps = n.integer("steps", 2000, 10, 10_000_000);
    final int crashAsset = crash.has("asset") ? assetRef(crash, "asset", assets) : -1;
    final PortfolioSpec.BacktestSpec spec =
        new PortfolioSpec.BacktestSpec(
            n.integer("calendarEvery", 24, 1, Integer.MAX_VALUE),
            n.number("thresholdBand", 0.02, 1e-9, 1),
            steps,
            regime.integer("step", steps / 2, 0, Integer.MAX_VALUE),
            regime.number("volMultiplier", 2.5, 1e-3, 1e3),
            crash.integer("step", steps * 3 / 4, 0, Integer.MAX_VALUE),
            crashAsset,
            crash.number("drop", 0.3, 0, 0.99),
            crash.number("recovery", 0.5, 0, 1),
            crash.number("dislocation", 0.1, 0, 0.99),
            crash.integer("duration", 4, 1, 10_000),
            crash.number("liquidityFactor", 0.3, 1e-3, 1));
    regime.rejectUnknown();
    crash.rejectUnknown();
    n.rejectUnknown();
    return spec;
  }
}
