package io.tonewall.session.application;

import io.tonewall.session.domain.AuditChainVerifier;
import io.tonewall.session.domain.AuditEntry;
import io.tonewall.session.domain.AuditVerification;
import io.tonewall.session.domain.SessionNotFoundException;
import io.tonewall.session.infrastructure.jpa.JpaAuditTrail;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.UUID;

/** Reads and verifies the hash-chained audit trail. */
@Stateless
public class AuditTrail {

  private static final int PAGE = 500;

  @EJB private JpaAuditTrail trail;

  @EJB private JpaPaymentSessionRepository sessions;

  /**
   * Reads the whole chain, page by page, and checks every entry against the one before it and the
   * last against the chain's head.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public AuditVerification verify() {
    AuditChainVerifier verifier = new AuditChainVerifier();
    long after = 0;
    while (true) {
      List<AuditEntry> page = trail.after(after, PAGE);
      for (AuditEntry entry : page) {
        if (!verifier.accept(entry)) {
          return verifier.result(trail.head());
        }
        after = entry.sequence();
      }
      if (page.size() < PAGE) {
        return verifier.result(trail.head());
      }
    }
  }

  /**
   * A session's audit entries, oldest first.
   *
   * @throws SessionNotFoundException when no session has this id
   */
  public List<AuditEntry> ofSession(UUID sessionId) {
    if (sessions.find(sessionId).isEmpty()) {
      throw new SessionNotFoundException(sessionId);
    }
    return trail.ofSession(sessionId);
  }
}
