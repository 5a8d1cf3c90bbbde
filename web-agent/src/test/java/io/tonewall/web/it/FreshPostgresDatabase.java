package io.tonewall.web.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the empty PostgreSQL database an integration-test run uses, and drops those of earlier
 * runs that are more than three hours old (by the timestamp in their name), so that builds running
 * in parallel on one machine (several worktrees) do not drop each other's databases mid-run. Run by
 * the build before the integration tests: {@code host port database}.
 */
public final class FreshPostgresDatabase {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final Duration KEEP = Duration.ofHours(3);

  private FreshPostgresDatabase() {}

  public static void main(String[] args) throws SQLException {
    if (args.length != 3 || !args[2].matches("tonewall_it_[0-9]+")) {
      throw new IllegalArgumentException("usage: host port tonewall_it_<digits>");
    }
    String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        Statement statement = connection.createStatement()) {
      List<String> earlier = new ArrayList<>();
      try (ResultSet names =
          statement.executeQuery(
              "SELECT datname FROM pg_database WHERE datname LIKE 'tonewall\\_it\\_%'")) {
        while (names.next()) {
          earlier.add(names.getString(1));
        }
      }
      for (String name : earlier) {
        if (isStale(name)) {
          statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
      }
      statement.execute("CREATE DATABASE " + args[2]);
      System.out.println("PostgreSQL database " + args[2] + " created on " + args[0]);
    } catch (SQLException e) {
      throw new SQLException(
          "PostgreSQL at " + args[0] + ":" + args[1] + " is needed by the integration tests", e);
    }
  }

  /** True for a database named {@code tonewall_it_<yyyyMMddHHmmss>} older than three hours. */
  private static boolean isStale(String name) {
    String stamp = name.substring("tonewall_it_".length());
    try {
      LocalDateTime created = LocalDateTime.parse(stamp, STAMP);
      return created.isBefore(LocalDateTime.now(ZoneOffset.UTC).minus(KEEP));
    } catch (DateTimeParseException e) {
      return true;
    }
  }
}
