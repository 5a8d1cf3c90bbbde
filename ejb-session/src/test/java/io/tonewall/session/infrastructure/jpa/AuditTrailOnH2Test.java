package io.tonewall.session.infrastructure.jpa;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.session.domain.AuditChainHead;
import io.tonewall.session.domain.AuditChainVerifier;
import io.tonewall.session.domain.AuditEntry;
import io.tonewall.session.domain.AuditVerification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Flyway scripts on H2 2.2, and the audit chain stored in real rows: a changed row and a
 * deleted row are found by reading the table back.
 */
class AuditTrailOnH2Test {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123Z");

  private Connection db;

  @BeforeEach
  void migrate() throws SQLException {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
    db = source.getConnection();
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private void appendEntries(int count) throws SQLException {
    AuditChainHead head = readHead();
    UUID session = UUID.randomUUID();
    for (int i = 0; i < count; i++) {
      AuditEntry entry =
          head.append(Optional.of(session), "session.created", "amount=" + i + " GBP", NOW);
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO audit_entry (sequence_number, session_id, event_type, detail,"
                  + " occurred_at, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, entry.sequence());
        insert.setString(2, session.toString());
        insert.setString(3, entry.eventType());
        insert.setString(4, entry.detail());
        insert.setObject(5, entry.occurredAt().atOffset(ZoneOffset.UTC));
        insert.setString(6, entry.previousHash());
        insert.setString(7, entry.entryHash());
        insert.executeUpdate();
      }
    }
    try (PreparedStatement update =
        db.prepareStatement(
            "UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1")) {
      update.setLong(1, head.lastSequence());
      update.setString(2, head.lastHash());
      update.executeUpdate();
    }
  }

  private AuditChainHead readHead() throws SQLException {
    try (Statement query = db.createStatement();
        ResultSet row =
            query.executeQuery("SELECT last_sequence, last_hash FROM audit_chain_head")) {
      row.next();
      return new AuditChainHead(row.getLong(1), row.getString(2));
    }
  }

  private AuditVerification verifyStoredChain() throws SQLException {
    AuditChainVerifier verifier = new AuditChainVerifier();
    try (Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT sequence_number, session_id, event_type, detail, occurred_at,"
                    + " previous_hash, entry_hash FROM audit_entry ORDER BY sequence_number")) {
      while (rows.next()) {
        verifier.accept(
            new AuditEntry(
                rows.getLong(1),
                Optional.ofNullable(rows.getString(2)).map(UUID::fromString),
                rows.getString(3),
                rows.getString(4),
                rows.getObject(5, OffsetDateTime.class).toInstant(),
                rows.getString(6),
                rows.getString(7)));
      }
    }
    return verifier.result(readHead());
  }

  @Test
  void storedChain_verifiesAfterTheRoundTrip() throws SQLException {
    // given
    appendEntries(4);

    // when
    AuditVerification result = verifyStoredChain();

    // then
    assertThat(result.intact(), is(true));
    assertThat(result.entriesChecked(), is(4L));
  }

  @Test
  void detectsModifiedRow() throws SQLException {
    // given
    appendEntries(4);
    try (Statement tamper = db.createStatement()) {
      tamper.executeUpdate(
          "UPDATE audit_entry SET detail = 'amount=0 GBP' WHERE sequence_number = 2");
    }

    // when
    AuditVerification result = verifyStoredChain();

    // then
    assertThat(result.intact(), is(false));
    assertThat(result.problem(), is(Optional.of("entry 2 was changed")));
  }

  @Test
  void detectsDeletedRow() throws SQLException {
    // given
    appendEntries(4);
    try (Statement tamper = db.createStatement()) {
      tamper.executeUpdate("DELETE FROM audit_entry WHERE sequence_number = 3");
    }

    // when
    AuditVerification result = verifyStoredChain();

    // then
    assertThat(result.intact(), is(false));
    assertThat(result.problem(), is(Optional.of("entry 3 is missing")));
  }

  @Test
  void migratesSessionsTable_withStateAndFieldProgressColumns() throws SQLException {
    // when
    try (Statement query = db.createStatement();
        ResultSet columns =
            query.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME ="
                    + " 'PAYMENT_SESSION' AND COLUMN_NAME IN ('STATE', 'NUMBER_STATE',"
                    + " 'NUMBER_DIGITS', 'NUMBER_LAST_FOUR', 'SECURITY_CODE_DIGITS',"
                    + " 'LAST_ACTIVITY_AT', 'CALL_REFERENCE', 'PSP_CONFIGURATION')")) {
      columns.next();

      // then
      assertThat(columns.getInt(1), is(8));
    }
  }
}
