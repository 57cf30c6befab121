package io.sextant.solver.cli;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.config.ServerConfig;
import io.sextant.solver.config.SextantConfig;
import io.sextant.solver.journal.Journal;
import io.sextant.solver.journal.JournalingNotificationSink;
import io.sextant.solver.serve.EngineFactory;
import io.sextant.solver.serve.NotificationSink;
import io.sextant.solver.serve.SolverServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant serve}: the CoW Protocol solver-engine API over the engine of {@link
 * EngineFactory}, journaling every request, notification and decision unless {@code --no-journal}.
 * Exit status 2 when the configuration, a flag or the journal directory is unusable (the message
 * names the key), 1 when the engine cannot be built or the address cannot be bound, 0 after a clean
 * shutdown (Ctrl-C).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the CoW Protocol solver-engine API: POST /solve, POST /notify, GET /healthz,"
          + " GET /metrics (Prometheus text).",
      "Binds to 127.0.0.1:7878 unless the configuration or the flags say otherwise.",
      "Journals every request, notification and decision (./journal) unless --no-journal."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ConfigOption config;

  @Mixin private EngineOptions engineOptions;

  @Mixin private JournalOptions journalOptions;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "TCP port, overrides server.port; 0 picks a free port and prints it.")
  private Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on, overrides server.bind (default 127.0.0.1).")
  private String bind;

  private final Function<EngineConfig, AuctionSolver> engines;

  /** The command as {@code sextant} runs it, with the engine from {@link EngineFactory}. */
  public ServeCommand() {
    this(EngineFactory::create);
  }

  /** The command with another engine (tests run the server over test doubles this way). */
  ServeCommand(final Function<EngineConfig, AuctionSolver> engines) {
    this.engines = engines;
  }

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    SextantConfig cfg;
    try {
      cfg = EngineSetup.resolve(config, engineOptions, journalOptions);
    } catch (IllegalArgumentException e) {
      err.println("sextant serve: " + e.getMessage());
      return 2;
    }
    try {
      final ServerConfig s = cfg.server();
      cfg =
          cfg.withServer(
              s.withListen(bind == null ? s.bind() : bind, port == null ? s.port() : port));
    } catch (IllegalArgumentException e) {
      err.println("sextant serve: " + flagMessage(e.getMessage()));
      return 2;
    }
    final AuctionSolver engine;
    try {
      engine = engines.apply(cfg.engine());
    } catch (IllegalStateException e) {
      err.println("sextant serve: " + e.getMessage());
      return 1;
    }
    final Journal journal;
    try {
      journal = JournalOptions.open(cfg.journal());
    } catch (IllegalStateException e) {
      err.println("sextant serve: " + e.getMessage());
      return 2;
    }
    final SolverServer server =
        new SolverServer(
            cfg,
            EngineSetup.journaled(engine, cfg, journal),
            journal == null
                ? NotificationSink.NONE
                : new JournalingNotificationSink(journal, NotificationSink.NONE));
    final Runnable stop =
        () -> {
          server.close();
          if (journal != null) {
            journal.close();
          }
        };
    try {
      server.start();
    } catch (Exception e) {
      stop.run();
      err.println(
          "sextant serve: cannot listen on "
              + cfg.server().bind()
              + ":"
              + cfg.server().port()
              + ": "
              + e.getMessage());
      return 1;
    }
    out.println(
        "sextant serve: listening on "
            + server.url()
            + " (POST /solve, POST /notify, GET /healthz, GET /metrics)");
    out.println(
        journal == null
            ? "sextant serve: not journaling (--no-journal or journal.enabled: false)"
            : "sextant serve: journaling requests, notifications and decisions to "
                + journal.dir());
    out.flush();
    final Thread hook = new Thread(stop, "sextant-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      server.join();
    } catch (InterruptedException e) {
      // Stopped in-process (tests, an embedding program) rather than by the JVM's shutdown.
      Thread.currentThread().interrupt();
      Runtime.getRuntime().removeShutdownHook(hook);
      stop.run();
    }
    return 0;
  }

  /** A range error of an overriding flag, named as the flag and as the key it overrides. */
  private String flagMessage(final String message) {
    if (message.startsWith("server.port") && port != null) {
      return "--port " + message.substring(message.indexOf(':') + 2) + " (server.port)";
    }
    if (message.startsWith("server.bind") && bind != null) {
      return "--bind " + message.substring(message.indexOf(':') + 2) + " (server.bind)";
    }
    return message;
  }
}
