package io.sextant.routing.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private anvil node for one test class: the binary from {@code tools/chain/node_modules}, bound
 * to 127.0.0.1 on a free port, chain id {@value #CHAIN_ID}, automine, the default dev mnemonic (so
 * {@link #DEV_KEY} is funded) and limits high enough for swaps that cross hundreds of ticks.
 *
 * <p>{@link #start()} returns only once the node answers JSON-RPC, and throws (never skips) when it
 * cannot; the message carries the tail of the node's log. {@link #close()} kills the process and a
 * JVM shutdown hook does the same if the test JVM dies first. The log is kept in {@code
 * target/anvil/} for post-mortems.
 *
 * <p>Each node runs with its own {@code HOME} (a fresh directory under {@code target/anvil/}),
 * deleted when the node is closed: anvil spills historical states to {@code
 * $HOME/.foundry/anvil/tmp/anvil-state-*} (gigabytes for a long differential run) and does not
 * remove them when it is stopped by a signal, so with the real {@code HOME} every build left them
 * behind until the disk filled.
 */
public final class AnvilNode implements AutoCloseable {
  /** Chain id of every node started here. */
  public static final long CHAIN_ID = 31_337L;

  /** Private key of anvil's first default dev account (public knowledge; local chains only). */
  public static final String DEV_KEY =
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  /** Block gas limit: big swaps crossing many ticks and batched mints fit in one transaction. */
  public static final long BLOCK_GAS_LIMIT = 2_000_000_000L;

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final int port;
  private final Thread shutdownHook;
  private final Path home;

  private AnvilNode(final Process process, final Path log, final int port, final Path home) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.home = home;
    this.shutdownHook = new Thread(this::kill, "anvil-killer-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a node and waits until it answers {@code eth_chainId}; retries once on a port race. */
  public static AnvilNode start() {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return startOnce(freePort());
      } catch (final PortTakenException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * Starts a node on a given port with extra command-line arguments (e.g. {@code --dump-state FILE}
   * or {@code --load-state FILE}, to restart a node where it stopped); no retry.
   */
  public static AnvilNode start(final int port, final List<String> extraArgs) {
    return startOnce(port, extraArgs);
  }

  /** A free loopback port (for {@link #start(int, List)}). */
  public static int freeLoopbackPort() {
    return freePort();
  }

  private static AnvilNode startOnce(final int port) {
    return startOnce(port, List.of());
  }

  private static AnvilNode startOnce(final int port, final List<String> extraArgs) {
    final Path binary = ChainFixtures.anvilBinary();
    final Path logDir = Path.of("target", "anvil").toAbsolutePath();
    final Path log = logDir.resolve("anvil-" + port + ".log");
    final List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(
        List.of(
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--chain-id",
            Long.toString(CHAIN_ID),
            "--accounts",
            "3",
            "--balance",
            "100000000",
            "--hardfork",
            "prague",
            "--gas-limit",
            Long.toString(BLOCK_GAS_LIMIT),
            "--disable-code-size-limit",
            "--order",
            "fifo"));
    cmd.addAll(extraArgs);
    final Process process;
    final Path home;
    try {
      Files.createDirectories(logDir);
      home = Files.createTempDirectory(logDir, "home-" + port + "-");
      final ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("HOME", home.toString());
      process =
          pb.redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
    } catch (final IOException e) {
      throw new IllegalStateException("cannot start anvil: " + String.join(" ", cmd), e);
    }
    final AnvilNode node = new AnvilNode(process, log, port, home);
    try {
      node.awaitReady();
      return node;
    } catch (final RuntimeException e) {
      node.close();
      throw e;
    }
  }

  /** The port the node listens on. */
  public int port() {
    return port;
  }

  /** JSON-RPC endpoint. */
  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The node's log so far (for failure messages). */
  public String logTail(final int maxChars) {
    try {
      final String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() <= maxChars ? text : "…" + text.substring(text.length() - maxChars);
    } catch (final IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Path of the node's log file. */
  public Path logFile() {
    return log;
  }

  private void awaitReady() {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final HttpRequest request =
        HttpRequest.newBuilder(URI.create(rpcUrl()))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
            .build();
    final long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        final String tail = logTail(4000);
        if (tail.contains("Address already in use")) {
          throw new PortTakenException(tail);
        }
        throw new IllegalStateException(
            "anvil exited with code " + process.exitValue() + " before answering; log:\n" + tail);
      }
      try {
        final HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString());
        final String expected = "0x" + Long.toHexString(CHAIN_ID);
        if (response.statusCode() == 200 && response.body().contains(expected)) {
          return;
        }
      } catch (final IOException e) {
        // not listening yet
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for anvil", e);
      }
      try {
        Thread.sleep(25);
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for anvil", e);
      }
    }
    throw new IllegalStateException(
        "anvil did not answer on "
            + rpcUrl()
            + " within "
            + STARTUP_TIMEOUT
            + "; log:\n"
            + logTail(4000));
  }

  private void kill() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (final InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    deleteHome();
  }

  /** Removes the node's private HOME (and the state anvil spilled there) once it has exited. */
  private void deleteHome() {
    if (process.isAlive() || !Files.exists(home)) {
      return;
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot delete anvil's home " + home, e);
    }
  }

  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (final IllegalStateException e) {
      // the JVM is already shutting down; the hook runs kill() again, harmlessly
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static final class PortTakenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTakenException(final String log) {
      super("anvil could not bind its port; log:\n" + log);
    }
  }
}
