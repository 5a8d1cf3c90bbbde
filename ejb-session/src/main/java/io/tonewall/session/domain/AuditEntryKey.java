package io.tonewall.session.domain;

import java.io.Serializable;
import java.util.Objects;

/** The identity of an {@link AuditEntry}: its chain and its sequence number in that chain. */
public final class AuditEntryKey implements Serializable {

  private static final long serialVersionUID = 1L;

  private int chain;
  private long sequence;

  public AuditEntryKey() {
    // for JPA
  }

  public AuditEntryKey(int chain, long sequence) {
    this.chain = chain;
    this.sequence = sequence;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuditEntryKey key && key.chain == chain && key.sequence == sequence;
  }

  @Override
  public int hashCode() {
    return Objects.hash(chain, sequence);
  }

  @Override
  public String toString() {
    return chain + "/" + sequence;
  }
}
