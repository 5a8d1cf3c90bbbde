package io.tonewall.session.infrastructure.jpa;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** V60 as Flyway applies it: the refund settlement columns the entity maps, with their defaults. */
class RefundSettlementColumnsOnH2Test {

  @Test
  void paymentTransactionHasTheSettlementColumns() throws SQLException {
    // given
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:refund-settlement-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();

    // when
    Map<String, String> columns = new HashMap<>();
    try (Connection db = source.getConnection();
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "SELECT COLUMN_NAME, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_NAME = 'PAYMENT_TRANSACTION'")) {
      while (rows.next()) {
        columns.put(rows.getString(1), rows.getString(2));
      }
    }

    // then
    assertThat(columns.get("SETTLE_CHECKS"), is("NO"));
    assertThat(columns.get("NEXT_SETTLE_CHECK"), is("YES"));
    assertThat(columns.get("RECONCILIATION_REQUIRED_AT"), is("YES"));
  }
}
