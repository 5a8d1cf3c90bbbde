package io.tonewall.telephony.call;

import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.UnknownCallException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every live call of the adapter, found by id (the caller leg's SIP Call-ID) or by the value of the
 * configured reference header. The outbound connection handles are thin: their state lives here.
 * Thread-safe.
 */
public final class CallRegistry {

  private static final Logger LOG = Logger.getLogger(CallRegistry.class.getName());

  private final Map<String, Call> byId = new ConcurrentHashMap<>();
  private final Map<String, Call> byReference = new ConcurrentHashMap<>();
  private final PairingCodes pairingCodes;
  private final Clock clock;
  private final Consumer<TelephonyEvent> events;
  private final AtomicLong leakSuspectedFrames = new AtomicLong();
  private final AtomicLong secureWindowsClosed = new AtomicLong();
  private final Object pairingDemand = new Object();
  private volatile boolean codesOutstanding;

  /**
   * @param events receives every call event; must not block (the adapter queues them as Work)
   */
  public CallRegistry(PairingCodes pairingCodes, Clock clock, Consumer<TelephonyEvent> events) {
    this.pairingCodes = pairingCodes;
    this.clock = clock;
    this.events = events;
  }

  /** Registers a new call. */
  public Call open(String callId, Optional<String> reference) {
    return open(callId, reference, false);
  }

  /** Registers a new call that Tonewall answers itself (IVR): its events carry {@code ivr}. */
  public Call openIvr(String callId, Optional<String> reference) {
    return open(callId, reference, true);
  }

  private Call open(String callId, Optional<String> reference, boolean ivr) {
    Call call = new Call(callId, reference, this, ivr);
    byId.put(callId, call);
    reference.ifPresent(value -> byReference.put(value, call));
    return call;
  }

  /** Ends a call and forgets it: digits wiped, media closed, {@code CALL_ENDED} published. */
  public void end(Call call) {
    byId.remove(call.id(), call);
    call.reference().ifPresent(value -> byReference.remove(value, call));
    call.end();
  }

  /** The live call with id {@code callId}. */
  public Optional<Call> byId(String callId) {
    return Optional.ofNullable(byId.get(callId));
  }

  /** The live call whose Call-ID or reference header value is {@code reference}. */
  public Optional<Call> find(String reference) {
    return byId(reference).or(() -> Optional.ofNullable(byReference.get(reference)));
  }

  /**
   * The live call {@code callId}.
   *
   * @throws UnknownCallException when there is none
   */
  public Call require(String callId) throws UnknownCallException {
    return byId(callId).orElseThrow(() -> new UnknownCallException("no live call " + callId));
  }

  /**
   * A new pairing code for {@code sessionId}. Unpaired calls listen for the agent's in-band keys
   * before the code is returned (so before any console can show it).
   */
  public String allocatePairingCode(String sessionId) {
    String code = pairingCodes.allocate(sessionId);
    refreshPairingDemand();
    return code;
  }

  /**
   * Runs the calls' periodic checks (capture timeouts) and notices when the last pairing code was
   * redeemed or expired; relay thread.
   */
  public void tick(Instant now) {
    refreshPairingDemand();
    for (Call call : byId.values()) {
      call.tick();
    }
  }

  /**
   * Whether any pairing code may be outstanding, as last checked (at allocation, and every tick):
   * unpaired calls listen for the agent's in-band keys only then.
   */
  boolean pairingCodesMayBeOutstanding() {
    return codesOutstanding;
  }

  /**
   * Rechecks whether codes are outstanding and, on a change, tells every call. Serialised, so that
   * the last check to finish is in force.
   */
  private void refreshPairingDemand() {
    synchronized (pairingDemand) {
      boolean outstanding = pairingCodes.outstanding() > 0;
      if (outstanding != codesOutstanding) {
        codesOutstanding = outstanding;
        for (Call call : byId.values()) {
          call.refreshAgentKeyListening();
        }
      }
    }
  }

  /** Live calls. */
  public int size() {
    return byId.size();
  }

  PairingCodes pairingCodes() {
    return pairingCodes;
  }

  Clock clock() {
    return clock;
  }

  void publish(TelephonyEvent event) {
    try {
      events.accept(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a telephony event could not be queued: " + event, e);
    }
  }

  /** Frames the leak sentinel found suspicious on any call since start. */
  public long leakSuspectedFrames() {
    return leakSuspectedFrames.get();
  }

  /** Secure windows closed with a sentinel verdict since start. */
  public long secureWindowsClosed() {
    return secureWindowsClosed.get();
  }

  void countLeakSuspected() {
    leakSuspectedFrames.incrementAndGet();
  }

  void countSecureWindowClosed() {
    secureWindowsClosed.incrementAndGet();
  }

  /** Outstanding pairing codes. */
  public int pairingCodesOutstanding() {
    return pairingCodes.outstanding();
  }
}
