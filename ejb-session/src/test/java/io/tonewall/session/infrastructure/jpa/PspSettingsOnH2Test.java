package io.tonewall.session.infrastructure.jpa;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The psp_settings table as Flyway makes it: the database itself refuses an absurd surcharge. */
class PspSettingsOnH2Test {

  private Connection db;

  @BeforeEach
  void migrate() throws SQLException {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:psp-settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
    db = source.getConnection();
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  @Test
  void storesSettings_andRefusesASurchargeAboveTenPercent() throws SQLException {
    // when
    insert("sandbox", 150);

    // then
    try (PreparedStatement read =
            db.prepareStatement(
                "SELECT surcharge_basis_points, enabled FROM psp_settings WHERE configuration_id = ?");
        ResultSet row = query(read, "sandbox")) {
      assertThat(row.next(), is(true));
      assertThat(row.getInt(1), is(150));
      assertThat(row.getBoolean(2), is(true));
    }
    assertThrows(SQLException.class, () -> insert("stripe-uk", 1_001));
    assertThrows(SQLException.class, () -> insert("adyen-eu", -1));
  }

  private void insert(String id, int surcharge) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO psp_settings (configuration_id, provider, available, enabled,"
                + " surcharge_basis_points, updated_at, version) VALUES (?, 'SANDBOX', TRUE, TRUE,"
                + " ?, ?, 1)")) {
      insert.setString(1, id);
      insert.setInt(2, surcharge);
      insert.setObject(3, OffsetDateTime.parse("2026-11-22T10:00:00Z"));
      insert.executeUpdate();
    }
  }

  private static ResultSet query(PreparedStatement statement, String id) throws SQLException {
    statement.setString(1, id);
    return statement.executeQuery();
  }
}
