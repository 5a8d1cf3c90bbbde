package io.tonewall.session.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The stateful beans of the sessions live on this node, by session id. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LiveSessions {

  private final Map<UUID, PaymentSessionBean> beans = new ConcurrentHashMap<>();

  public void register(UUID id, PaymentSessionBean bean) {
    beans.put(id, bean);
  }

  /** The live bean of a session, if it is held on this node and has not ended. */
  public Optional<PaymentSessionBean> find(UUID id) {
    return Optional.ofNullable(beans.get(id));
  }

  public void forget(UUID id) {
    beans.remove(id);
  }

  /** How many sessions are live here. */
  public int count() {
    return beans.size();
  }
}
