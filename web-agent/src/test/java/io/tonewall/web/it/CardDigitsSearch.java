package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Searches where card digits must never be: the running server's log, and (on PostgreSQL) every
 * text column of every table.
 */
final class CardDigitsSearch {

  private CardDigitsSearch() {}

  /** The whole server log of this run (Payara Micro rotates it into name.0, name.1, ...). */
  static String serverLog() throws Exception {
    Path log = Path.of(System.getProperty("tonewall.it.serverLog"));
    StringBuilder text = new StringBuilder();
    try (var files = Files.list(log.getParent())) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().startsWith(log.getFileName().toString()))
              .toList()) {
        text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(
        "the server log is the running server's", text.toString(), containsString("ready in"));
    return text.toString();
  }

  /** The database's JDBC URL when the ITs run on PostgreSQL (H2 lives inside the server). */
  static Optional<String> jdbcUrl() {
    return Optional.ofNullable(System.getProperty("tonewall.it.jdbcUrl"));
  }

  /** Every text column of every table, searched for {@code digits}; the ones that hold it. */
  static List<String> columnsHolding(String jdbcUrl, String digits) throws Exception {
    List<String> found = new ArrayList<>();
    int searched = 0;
    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement statement = db.createStatement();
        ResultSet columns =
            statement.executeQuery(
                "SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND data_type IN"
                    + " ('character varying', 'text', 'character', 'json', 'jsonb')")) {
      List<String[]> textColumns = new ArrayList<>();
      while (columns.next()) {
        textColumns.add(new String[] {columns.getString(1), columns.getString(2)});
      }
      for (String[] column : textColumns) {
        try (Statement search = db.createStatement();
            ResultSet hit =
                search.executeQuery(
                    "SELECT count(*) FROM \""
                        + column[0]
                        + "\" WHERE \""
                        + column[1]
                        + "\"::text LIKE '%"
                        + digits
                        + "%'")) {
          hit.next();
          searched++;
          if (hit.getLong(1) > 0) {
            found.add(column[0] + "." + column[1]);
          }
        }
      }
    }
    assertThat("text columns searched", searched, greaterThan(20));
    return found;
  }
}
