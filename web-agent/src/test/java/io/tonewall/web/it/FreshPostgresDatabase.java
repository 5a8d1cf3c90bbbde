package io.tonewall.web.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the empty PostgreSQL database an integration-test run uses, and drops those of runs older
 * than six hours. Run by the build before the integration tests: {@code host port database}.
 */
public final class FreshPostgresDatabase {

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
      // Only databases of runs that ended long ago: a build beside this one may still use its own.
      String cutoff =
          LocalDateTime.now().minusHours(6).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
      for (String name : earlier) {
        String stamp = name.substring("tonewall_it_".length());
        if (stamp.length() == cutoff.length() && stamp.compareTo(cutoff) < 0) {
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
}
