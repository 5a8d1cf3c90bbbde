package io.tonewall.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Tonewall every IT class of a failsafe execution talks to: Payara Micro started once, by the
 * first class, with the real {@code target/web-agent.war} and the RARs its post-boot commands
 * deploy (web-agent/pom.xml passes {@code payara.microJar}, {@code tonewall.war}, {@code
 * payara.extraMicroOptions} and the {@code TONEWALL_*} settings), and stopped when the execution's
 * tests are done. One boot per execution instead of one per class: a boot takes 14-26 s here. The
 * classes share its database as the PostgreSQL run always did; nothing in a test may rely on a
 * fresh server. Micro's console output goes to {@code target/it/payara-<database>-console.log}.
 */
final class TonewallServer implements BeforeAllCallback {

  /** The server's readiness (Tonewall's checks UP) must come within this, as with Arquillian. */
  private static final Duration START_WITHIN = Duration.ofSeconds(240);

  /** Tonewall's readiness checks (bin/tonewall waits for the same): all UP means deployed. */
  private static final List<String> CHECKS =
      List.of("tonewall-database", "tonewall-telephony", "tonewall-psp");

  private static volatile URL base;

  /** Why the first start failed: the later classes fail at once instead of starting again. */
  private static volatile RuntimeException failed;

  /** The application's base URL, {@code http://127.0.0.1:<port>/web-agent/}. */
  static URL base() {
    URL started = base;
    if (started == null) {
      throw new IllegalStateException(
          "no Tonewall server: the IT class needs @ExtendWith(TonewallServer.class)");
    }
    return started;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (failed != null) {
      throw new IllegalStateException("Tonewall did not start earlier in this run", failed);
    }
    try {
      Running running =
          context
              .getRoot()
              .getStore(ExtensionContext.Namespace.GLOBAL)
              .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
      base = running.base();
    } catch (RuntimeException e) {
      failed = e;
      throw e;
    }
  }

  /** The Payara Micro process; closed (stopped) by JUnit when the execution's tests are done. */
  record Running(Process process, URL base) implements AutoCloseable {

    static Running start() {
      try {
        int port = freeTcpPort();
        String database = System.getProperty("tonewall.it.database", "h2");
        Path console = Path.of("target", "it", "payara-" + database + "-console.log");
        Files.createDirectories(console.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(words(System.getProperty("payara.cmdOptions", "")));
        command.addAll(
            List.of(
                "-jar",
                required("payara.microJar"),
                "--deploy",
                required("tonewall.war"),
                "--port",
                String.valueOf(port)));
        command.addAll(words(System.getProperty("payara.extraMicroOptions", "")));
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        String war = Path.of(required("tonewall.war")).getFileName().toString();
        URL base =
            URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/"
                        + war.substring(0, war.length() - ".war".length())
                        + "/")
                .toURL();
        awaitReadiness(process, URI.create("http://127.0.0.1:" + port + "/health/ready"), console);
        return new Running(process, base);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while Tonewall started", e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }

    private static void awaitReadiness(Process process, URI ready, Path console)
        throws IOException, InterruptedException {
      Instant deadline = Instant.now().plus(START_WITHIN);
      String last = "no answer";
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "Payara Micro ended with "
                  + process.exitValue()
                  + " while starting: "
                  + tail(console));
        }
        try {
          HttpResponse<String> answer =
              ApiHttp.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).GET());
          if (answer.statusCode() == 200 && CHECKS.stream().allMatch(answer.body()::contains)) {
            return;
          }
          last = answer.statusCode() + " " + answer.body();
        } catch (IOException e) {
          last = e.toString();
        } catch (Exception e) {
          throw new IllegalStateException("cannot ask " + ready, e);
        }
        Thread.sleep(500);
      }
      process.destroyForcibly();
      throw new IllegalStateException(
          "Tonewall not ready within " + START_WITHIN + " (" + last + "): " + tail(console));
    }

    private static String tail(Path console) throws IOException {
      List<String> lines = Files.readAllLines(console, StandardCharsets.ISO_8859_1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static List<String> words(String options) {
      return Arrays.stream(options.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String required(String property) {
      String value = System.getProperty(property);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException(property + " is not set (web-agent/pom.xml sets it)");
      }
      return value;
    }

    private static int freeTcpPort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }
  }
}
