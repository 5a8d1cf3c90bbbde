package io.tonewall.session.infrastructure.jpa;

import io.tonewall.session.domain.CallTransfer;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Stores call transfers and follows them. */
@Stateless
public class JpaCallTransferRepository {

  /** Transfers followed at most from one call: far more than any real call sees. */
  private static final int MAX_CALLS = 64;

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  public void add(CallTransfer transfer) {
    entityManager.persist(transfer);
  }

  /**
   * The call and every call linked to it by transfers, in either direction, transitively: the calls
   * whose history is one.
   */
  public Set<String> linkedCalls(String callReference) {
    Set<String> calls = new LinkedHashSet<>();
    Deque<String> open = new ArrayDeque<>();
    open.add(callReference);
    while (!open.isEmpty() && calls.size() < MAX_CALLS) {
      String call = open.removeFirst();
      if (!calls.add(call)) {
        continue;
      }
      List<CallTransfer> transfers =
          entityManager
              .createQuery(
                  "SELECT t FROM CallTransfer t WHERE t.from = :call OR t.to = :call",
                  CallTransfer.class)
              .setParameter("call", call)
              .getResultList();
      for (CallTransfer transfer : transfers) {
        open.add(transfer.from().equals(call) ? transfer.to() : transfer.from());
      }
    }
    return calls;
  }
}
