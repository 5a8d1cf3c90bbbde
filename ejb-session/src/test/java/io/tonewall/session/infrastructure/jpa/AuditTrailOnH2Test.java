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

  private static final UUID SESSION = UUID.fromString("6f1c5e2a-3b4d-4c5e-8f9a-0b1c2d3e4f50");
  private static final int CHAIN = AuditChainHead.chainOf(Optional.of(SESSION));

  private JdbcDataSource source;

  @BeforeEach
  void openDatabase() {
    source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  private void migrate(String target) throws SQLException {
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
    if (db == null) {
      db = source.getConnection();
    }
  }

  @AfterEach
  void close() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  private void appendEntries(int count) throws SQLException {
    migrate("latest");
    AuditChainHead head = readHead(CHAIN);
    for (int i = 0; i < count; i++) {
      AuditEntry entry =
          head.append(Optional.of(SESSION), "session.created", "amount=" + i + " GBP", NOW);
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO audit_entry (chain_id, sequence_number, session_id, event_type, detail,"
                  + " occurred_at, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setInt(1, entry.chain());
        insertColumns(insert, 2, entry);
        insert.executeUpdate();
      }
    }
    moveHead(head);
  }

  private static void insertColumns(PreparedStatement insert, int first, AuditEntry entry)
      throws SQLException {
    insert.setLong(first, entry.sequence());
    insert.setString(first + 1, entry.sessionId().map(UUID::toString).orElse(null));
    insert.setString(first + 2, entry.eventType());
    insert.setString(first + 3, entry.detail());
    insert.setObject(first + 4, entry.occurredAt().atOffset(ZoneOffset.UTC));
    insert.setString(first + 5, entry.previousHash());
    insert.setString(first + 6, entry.entryHash());
  }

  private void moveHead(AuditChainHead head) throws SQLException {
    try (PreparedStatement update =
        db.prepareStatement(
            "UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE id = ?")) {
      update.setLong(1, head.lastSequence());
      update.setString(2, head.lastHash());
      update.setInt(3, head.chain());
      update.executeUpdate();
    }
  }

  private AuditChainHead readHead(int chain) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = ?")) {
      query.setInt(1, chain);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new AuditChainHead(chain, row.getLong(1), row.getString(2));
      }
    }
  }

  private AuditVerification verifyStoredChain(int chain) throws SQLException {
    AuditChainVerifier verifier = new AuditChainVerifier(chain);
    try (PreparedStatement query =
        db.prepareStatement(
            "SELECT chain_id, sequence_number, session_id, event_type, detail, occurred_at,"
                + " previous_hash, entry_hash FROM audit_entry WHERE chain_id = ?"
                + " ORDER BY sequence_number")) {
      query.setInt(1, chain);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          verifier.accept(
              new AuditEntry(
                  rows.getInt(1),
                  rows.getLong(2),
                  Optional.ofNullable(rows.getString(3)).map(UUID::fromString),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getObject(6, OffsetDateTime.class).toInstant(),
                  rows.getString(7),
                  rows.getString(8)));
        }
      }
    }
    return verifier.result(readHead(chain));
  }

  private AuditVerification verifyStoredChain() throws SQLException {
    return verifyStoredChain(CHAIN);
  }

  @Test
  void entriesWrittenBeforeTheChainsWereSplit_stayAnIntactChainOne() throws SQLException {
    // given: the trail as the single-chain schema (V22) stored it
    migrate("22");
    AuditChainHead before = new AuditChainHead(1, 0, AuditEntry.GENESIS);
    for (int i = 0; i < 3; i++) {
      AuditEntry entry =
          before.append(Optional.of(SESSION), "session.created", "amount=" + i + " GBP", NOW);
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO audit_entry (sequence_number, session_id, event_type, detail,"
                  + " occurred_at, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        insertColumns(insert, 1, entry);
        insert.executeUpdate();
      }
    }
    moveHead(before);

    // when
    migrate("latest");

    // then
    AuditVerification chainOne = verifyStoredChain(1);
    assertThat(chainOne.intact(), is(true));
    assertThat(chainOne.entriesChecked(), is(3L));
    for (int chain = 2; chain <= AuditChainHead.CHAINS; chain++) {
      assertThat(readHead(chain).lastSequence(), is(0L));
    }
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
    migrate("latest");
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
