package io.tonewall.session.infrastructure.jpa;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * V61 as Flyway applies it after V60: the notification inbox, whose unique dedupe key is what makes
 * a resent PSP notification item one row (and so one effect) even when two deliveries race.
 */
class PspNotificationTableOnH2Test {

  private static DataSource migrated() {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:psp-notification-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
    return source;
  }

  private static void insert(Connection db, String dedupeKey) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO psp_notification (id, psp_configuration, dedupe_key, event_code, success,"
                + " psp_reference, state, received_at, version)"
                + " VALUES (?, 'adyen-eu', ?, 'REFUND', TRUE, 'QFQTPCQ8HXSKGK82', 'RECEIVED',"
                + " CURRENT_TIMESTAMP, 1)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, dedupeKey);
      insert.executeUpdate();
    }
  }

  @Test
  void storesAnItemOnce_byItsDedupeKey() throws SQLException {
    DataSource source = migrated();
    try (Connection db = source.getConnection()) {
      // given
      insert(db, "adyen-eu:REFUND:QFQTPCQ8HXSKGK82:true");

      // when / then
      assertThrows(SQLException.class, () -> insert(db, "adyen-eu:REFUND:QFQTPCQ8HXSKGK82:true"));
      insert(db, "adyen-eu:REFUND:QFQTPCQ8HXSKGK82:false");
      try (ResultSet count =
          db.createStatement().executeQuery("SELECT COUNT(*) FROM psp_notification")) {
        count.next();
        assertThat(count.getInt(1), is(2));
      }
    }
  }
}
