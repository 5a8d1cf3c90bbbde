package io.tonewall.session.application;

import io.tonewall.session.domain.AuditChainHead;
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
   * Reads every chain, page by page, and checks every entry against the one before it and each
   * chain's last entry against its head; stops at the first break.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public AuditVerification verify() {
    long checked = 0;
    for (int chain = 1; chain <= AuditChainHead.CHAINS; chain++) {
      AuditVerification verdict = verify(chain);
      if (!verdict.intact()) {
        return verdict.afterEarlierChains(checked);
      }
      checked += verdict.entriesChecked();
    }
    return AuditVerification.intact(checked);
  }

  private AuditVerification verify(int chain) {
    AuditChainVerifier verifier = new AuditChainVerifier(chain);
    long after = 0;
    while (true) {
      List<AuditEntry> page = trail.after(chain, after, PAGE);
      for (AuditEntry entry : page) {
        if (!verifier.accept(entry)) {
          return verifier.result(trail.head(chain));
        }
        after = entry.sequence();
      }
      if (page.size() < PAGE) {
        return verifier.result(trail.head(chain));
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

  /**
   * Part of a session's audit entries, oldest first: at most {@code limit} after the first {@code
   * offset}.
   *
   * @throws SessionNotFoundException when no session has this id
   */
  public List<AuditEntry> ofSession(UUID sessionId, int offset, int limit) {
    if (sessions.find(sessionId).isEmpty()) {
      throw new SessionNotFoundException(sessionId);
    }
    return trail.ofSession(sessionId, offset, limit);
  }
}
