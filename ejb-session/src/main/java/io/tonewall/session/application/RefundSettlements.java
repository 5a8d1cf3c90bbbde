package io.tonewall.session.application;

import io.tonewall.session.domain.RefundSettlementSchedule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settles refunds without anyone asking. Every {@code tonewall.refund.settle-interval} (ISO-8601,
 * default {@code PT10S}) it takes at most {@value #BATCH} refunds still {@code SCHEDULED} that are
 * due, oldest first, each in its own transaction ({@link Transactions#settleOrDefer}): a refund is
 * first checked {@code tonewall.refund.settle-after} ({@code PT5S}) after it was made; each check
 * that does not settle it moves the next one out, from {@code
 * tonewall.refund.settle-backoff-initial} ({@code PT10S}) doubling up to {@code
 * tonewall.refund.settle-backoff-max} ({@code PT1H}); a refund older than {@code
 * tonewall.refund.settle-max-age} ({@code P7D}) is no longer checked: it is audited and announced
 * as {@code refund.reconciliation_required} and waits for a manual reconcile. A check that fails
 * (PSP adapter or provider unreachable) is logged with the refund's id and counts as a check.
 * Settings are read at start; a bad one stops the deployment with its name.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefundSettlements {

  private static final Logger LOG = Logger.getLogger(RefundSettlements.class.getName());
  static final int BATCH = 20;

  @EJB private Transactions transactions;

  @Resource private TimerService timers;

  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "tonewall.refund.settle-interval", defaultValue = "PT10S")
  private String interval;

  @Inject
  @ConfigProperty(name = "tonewall.refund.settle-after", defaultValue = "PT5S")
  private String after;

  @Inject
  @ConfigProperty(name = "tonewall.refund.settle-backoff-initial", defaultValue = "PT10S")
  private String initialBackoff;

  @Inject
  @ConfigProperty(name = "tonewall.refund.settle-backoff-max", defaultValue = "PT1H")
  private String maxBackoff;

  @Inject
  @ConfigProperty(name = "tonewall.refund.settle-max-age", defaultValue = "P7D")
  private String maxAge;

  private Duration firstCheckAfter;
  private RefundSettlementSchedule schedule;

  @PostConstruct
  void schedule() {
    firstCheckAfter = positive("tonewall.refund.settle-after", after);
    try {
      schedule =
          new RefundSettlementSchedule(
              positive("tonewall.refund.settle-backoff-initial", initialBackoff),
              positive("tonewall.refund.settle-backoff-max", maxBackoff),
              positive("tonewall.refund.settle-max-age", maxAge));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tonewall.refund.settle-*: " + e.getMessage(), e);
    }
    long every = positive("tonewall.refund.settle-interval", interval).toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("refund-settlements", false));
  }

  /** One round: checks the refunds that are due. */
  @Timeout
  void settleScheduledRefunds() {
    Instant now = clock.instant();
    List<UUID> due = transactions.refundsDueForSettlement(now, now.minus(firstCheckAfter), BATCH);
    int settled = 0;
    int handedOver = 0;
    int failed = 0;
    for (UUID id : due) {
      try {
        TransactionView refund = transactions.settleOrDefer(id, schedule);
        if (refund.reconciliationRequired()) {
          handedOver++;
          LOG.warning(
              () ->
                  "refund "
                      + id
                      + " not settled after "
                      + maxAge
                      + ": needs manual reconciliation (POST /api/v1/transactions/"
                      + id
                      + "/reconcile)");
        } else if (!refund.settlementPending()) {
          settled++;
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.log(Level.WARNING, "could not settle refund " + id + "; it is checked again later", e);
        deferAfterFailure(id);
      }
    }
    if (settled > 0 || handedOver > 0 || failed > 0) {
      int done = settled;
      int manual = handedOver;
      int errors = failed;
      LOG.info(
          () ->
              "refund settlement: "
                  + due.size()
                  + " due, "
                  + done
                  + " settled, "
                  + manual
                  + " handed over to manual reconciliation, "
                  + errors
                  + " failed");
    }
  }

  private void deferAfterFailure(UUID id) {
    try {
      transactions.deferSettlement(id, schedule);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not record the failed check of refund " + id, e);
    }
  }

  private static Duration positive(String key, String value) {
    Duration duration;
    try {
      duration = Duration.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 duration: " + value, e);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive ISO-8601 duration");
    }
    return duration;
  }
}
