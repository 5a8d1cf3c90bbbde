package io.tonewall.session.application;

import io.tonewall.session.domain.Outcome;
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
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settles refunds without anyone asking: every {@code tonewall.refund.settle-interval} (ISO-8601,
 * default {@code PT10S}) asks the PSP about refunds still {@code SCHEDULED} that were made {@code
 * tonewall.refund.settle-after} (default {@code PT5S}) or more ago, oldest first, at most {@value
 * #BATCH} a round, each in its own transaction ({@link Transactions#reconcile}). A refund the PSP
 * cannot tell about yet stays {@code SCHEDULED}; one that fails (PSP adapter unreachable, a
 * concurrent change) is logged with its id and tried again next round.
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

  @PostConstruct
  void schedule() {
    long every = positive("tonewall.refund.settle-interval", interval).toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("refund-settlements", false));
  }

  /** One round: settles what the PSP has answered. */
  @Timeout
  void settleScheduledRefunds() {
    Duration age = positive("tonewall.refund.settle-after", after);
    List<UUID> due = transactions.scheduledRefundsSince(clock.instant().minus(age), BATCH);
    int settled = 0;
    int failed = 0;
    for (UUID id : due) {
      try {
        if (transactions.reconcile(id).outcome() != Outcome.SCHEDULED) {
          settled++;
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.log(Level.WARNING, "could not settle refund " + id + "; next round tries again", e);
      }
    }
    if (settled > 0 || failed > 0) {
      int done = settled;
      int errors = failed;
      LOG.info(
          () ->
              "refund settlement: "
                  + due.size()
                  + " scheduled, "
                  + done
                  + " settled, "
                  + errors
                  + " failed");
    }
  }

  private static Duration positive(String key, String value) {
    Duration duration = Duration.parse(value);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive ISO-8601 duration");
    }
    return duration;
  }
}
