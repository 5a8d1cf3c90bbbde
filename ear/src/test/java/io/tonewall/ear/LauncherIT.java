package io.tonewall.ear;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/tonewall run}, the README's first command: it starts Tonewall and reports ready with
 * its URLs, and it refuses bad settings with one clear line and a non-zero exit, starting nothing.
 */
class LauncherIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("bin").resolve("tonewall");

  @Test
  void refusesAnHttpPortInUse_withOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      // when
      Result result =
          run(
              Map.of("TONEWALL_HTTP_PORT", String.valueOf(taken.getLocalPort())),
              Duration.ofSeconds(60));

      // then
      assertThat(result.exit(), is(1));
      assertThat(result.errorLines(), hasSize(1));
      assertThat(
          result.errorLines().get(0),
          is(
              "tonewall: HTTP port "
                  + taken.getLocalPort()
                  + " is already in use (set TONEWALL_HTTP_PORT)"));
    }
  }

  @Test
  void refusesAnUnreachablePostgresql_withOneLine() throws Exception {
    // when
    Result result =
        run(
            Map.of("TONEWALL_DB_URL", "jdbc:postgresql://127.0.0.1:9/tonewall"),
            Duration.ofSeconds(60));

    // then
    assertThat(result.exit(), is(1));
    assertThat(result.errorLines(), hasSize(1));
    assertThat(
        result.errorLines().get(0),
        startsWith("tonewall: PostgreSQL at 127.0.0.1:9 does not answer"));
  }

  @Test
  void refusesAnUnsupportedDatabaseUrl_withOneLine() throws Exception {
    // when
    Result result = run(Map.of("TONEWALL_DB_URL", "mysql://db/tonewall"), Duration.ofSeconds(60));

    // then
    assertThat(result.exit(), is(1));
    assertThat(result.errorLines(), hasSize(1));
    assertThat(
        result.errorLines().get(0), containsString("TONEWALL_DB_URL must be a jdbc:postgresql:"));
  }

  @Test
  void refusesToStartWithoutJava_withOneLine() throws Exception {
    // given: a PATH with the shell tools but no java
    Path bin = Files.createTempDirectory("tonewall-nojava");
    for (String tool : List.of("dirname", "sed", "grep", "cat")) {
      Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
    }

    // when
    Result result = run(Map.of("PATH", bin.toString()), Duration.ofSeconds(60));

    // then
    assertThat(result.exit(), is(1));
    assertThat(result.errorLines(), hasSize(1));
    assertThat(result.errorLines().get(0), startsWith("tonewall: no java on PATH"));
  }

  @Test
  void startsAndReportsReady_withConsoleApiAndSipPort() throws Exception {
    // given
    Path var = Files.createTempDirectory(ROOT.resolve("ear").resolve("target"), "launcher-var");
    Process process =
        start(
            Map.of(
                "TONEWALL_HTTP_PORT", "21180",
                "TONEWALL_SIP_PORT", "15066",
                "TONEWALL_RTP_PORTS", "21200-21299",
                "TONEWALL_PSP_RECOVERY_DIR", var.resolve("psp").toString(),
                "TONEWALL_DB_URL", "jdbc:h2:file:" + var.resolve("db"),
                "TONEWALL_START_TIMEOUT", "240"));
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      // when
      String ready = out.readLine();
      List<String> urls = List.of(out.readLine(), out.readLine(), out.readLine());

      // then
      assertThat(ready, startsWith("Tonewall is ready after "));
      assertThat(urls.get(0), is("  console:  http://localhost:21180/console/"));
      assertThat(urls.get(1), is("  API:      http://localhost:21180/api/v1"));
      assertThat(urls.get(2), is("  SIP port: 15066 (udp, tcp)"));
    } finally {
      process.destroy();
      assertThat("stops on SIGTERM", process.waitFor(60, TimeUnit.SECONDS), is(true));
    }
  }

  private record Result(int exit, List<String> errorLines, String output) {}

  private static Result run(Map<String, String> environment, Duration limit) throws Exception {
    ProcessBuilder builder = builder(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bin/tonewall run did not end within " + limit);
    }
    List<String> errorLines = errors.isBlank() ? List.of() : List.of(errors.strip().split("\n"));
    assertThat("nothing printed on stdout: " + output, output.lines().toList(), is(empty()));
    return new Result(process.exitValue(), errorLines, output);
  }

  private static Process start(Map<String, String> environment) throws IOException {
    return builder(environment).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static ProcessBuilder builder(Map<String, String> environment) {
    List<String> command = new ArrayList<>(List.of("/bin/bash", LAUNCHER.toString(), "run"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    builder.environment().put("TONEWALL_NO_BUILD", "1");
    builder.environment().putAll(environment);
    return builder;
  }
}
