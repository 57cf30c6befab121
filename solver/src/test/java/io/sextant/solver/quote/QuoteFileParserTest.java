package io.sextant.solver.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuoteFileParserTest {
  @Test
  void shouldReadThePeersFileAsItIs() throws Exception {
    final QuoteFileParser.QuoteFile f =
        new QuoteFileParser().parse(Files.readString(Path.of("../data/peers-7400693.json")));
    assertEquals(852, f.entries().size());
    assertEquals(9, f.excludedPools().size());
    for (QuoteFileParser.Entry e : f.entries()) {
      assertNull(e.error(), e.id());
      assertTrue(e.query().exactIn());
      assertNull(e.query().limit());
    }
    final QuoteFileParser.Entry ladder =
        f.entries().stream().filter(e -> e.id().equals("l-WETH-USDC-1eth")).findFirst().get();
    assertEquals("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", ladder.query().sellToken());
    assertEquals("1000000000000000000", ladder.query().amount().toString());
  }

  @Test
  void shouldLowercaseAddressesAndReadLimitsOfTheirKind() {
    final QuoteFileParser.QuoteFile f =
        new QuoteFileParser()
            .parse(
                """
                [{"id": 7, "sellToken": "0xC02AAA39B223FE8D0A0E5C4F27EAD9083C756CC2",
                  "buyToken": "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "kind": "buy",
                  "amount": "0x10", "maxAmountIn": "99"}]
                """);
    final QuoteQuery q = f.entries().get(0).query();
    assertEquals("7", q.id());
    assertEquals("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", q.sellToken());
    assertEquals(16, q.amount().intValue());
    assertEquals(99, q.limit().intValue());
    assertEquals("buy", q.kind());
    assertTrue(f.excludedPools().isEmpty());
  }
}
