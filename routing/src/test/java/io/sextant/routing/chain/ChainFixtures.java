package io.sextant.routing.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the npm project {@code tools/chain} lives and what it holds: the anvil binary (from the
 * optional dependency {@code @foundry-rs/anvil-<os>-<arch>}), the Uniswap contract artifacts from
 * {@code @uniswap/*} and our harness contracts compiled by {@code compile.js} into {@code build/}.
 *
 * <p>Maven sets the system property {@code sextant.chain.dir}; when a test runs from an IDE the
 * directory is found by walking up from the working directory. Nothing here is optional: a missing
 * file is an error that names the command that installs it.
 */
public final class ChainFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChainFixtures() {}

  /** The {@code tools/chain} directory. */
  public static Path dir() {
    final String configured = System.getProperty("sextant.chain.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      final Path candidate = p.resolve("tools").resolve("chain");
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "tools/chain not found: set -Dsextant.chain.dir or run from inside the repository");
  }

  /** The anvil executable shipped by the platform package of {@code @foundry-rs/anvil}. */
  public static Path anvilBinary() {
    final String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    final String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    final String npmOs =
        os.contains("win")
            ? "win32"
            : os.contains("mac") || os.contains("darwin") ? "darwin" : "linux";
    final String npmArch = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
    final String exe = npmOs.equals("win32") ? "anvil.exe" : "anvil";
    final Path binary =
        dir()
            .resolve("node_modules/@foundry-rs/anvil-" + npmOs + "-" + npmArch + "/bin")
            .resolve(exe);
    return requireFile(binary);
  }

  /** Creation bytecode (hex with 0x) of an artifact, path relative to {@code tools/chain}. */
  public static String bytecode(final String relativePath) {
    final JsonNode node = artifact(relativePath);
    JsonNode bytecode = node.get("bytecode");
    if (bytecode == null && node.has("evm")) {
      bytecode = node.get("evm").get("bytecode").get("object");
    }
    if (bytecode == null || !bytecode.isTextual() || bytecode.asText().isEmpty()) {
      throw new IllegalStateException("no bytecode in " + relativePath);
    }
    final String hex = bytecode.asText();
    if (hex.contains("__")) {
      throw new IllegalStateException("unlinked library placeholder in " + relativePath);
    }
    return hex.startsWith("0x") ? hex : "0x" + hex;
  }

  private static JsonNode artifact(final String relativePath) {
    final Path file = requireFile(dir().resolve(relativePath));
    try {
      return JSON.readTree(file.toFile());
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Path requireFile(final Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file
              + " is missing. Install the chain fixtures with `mvn -B generate-test-resources -pl"
              + " routing` (runs `npm ci` and `node compile.js` in tools/chain).");
    }
    return file;
  }
}
