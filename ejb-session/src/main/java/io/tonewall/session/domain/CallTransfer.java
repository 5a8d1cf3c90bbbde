package io.tonewall.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** A call transferred to another call (another agent): its history follows it. */
@Entity
@Table(name = "call_transfer")
public class CallTransfer {

  private static final Pattern CALL_REFERENCE = Pattern.compile("[\\x21-\\x7E]{1,128}");

  @Id
  @Column(name = "id", nullable = false, updatable = false, length = 36)
  private String id;

  @Column(name = "from_call_reference", nullable = false, updatable = false, length = 128)
  private String from;

  @Column(name = "to_call_reference", nullable = false, updatable = false, length = 128)
  private String to;

  @Column(name = "transferred_at", nullable = false, updatable = false)
  private Instant transferredAt;

  protected CallTransfer() {
    // for JPA
  }

  /**
   * Records a transfer.
   *
   * @throws InvalidSessionInputException when a reference is malformed or both are the same
   */
  public static CallTransfer of(String from, String to, Instant now) {
    if (from == null
        || to == null
        || !CALL_REFERENCE.matcher(from).matches()
        || !CALL_REFERENCE.matcher(to).matches()) {
      throw new InvalidSessionInputException(
          "call references must be 1-128 printable ASCII characters without spaces");
    }
    if (from.equals(to)) {
      throw new InvalidSessionInputException("a call cannot be transferred to itself");
    }
    CallTransfer transfer = new CallTransfer();
    transfer.id = UUID.randomUUID().toString();
    transfer.from = from;
    transfer.to = to;
    transfer.transferredAt = now;
    return transfer;
  }

  public String from() {
    return from;
  }

  public String to() {
    return to;
  }

  public Instant transferredAt() {
    return transferredAt;
  }
}
