package io.tonewall.session.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.PaymentOutcome;
import io.tonewall.session.domain.PaymentTransaction;
import io.tonewall.session.domain.Sales;
import io.tonewall.session.infrastructure.jpa.JpaPaymentTransactionRepository;
import io.tonewall.session.notification.NotificationEffect;
import io.tonewall.session.notification.NotificationItem;
import io.tonewall.session.notification.PspNotification;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which refund a notification is about ({@link Transactions#applyRefundNotification}): only the
 * refund whose key is the merchant reference, of the same configuration, of the sale named by the
 * original reference, for the same amount — anything else changes nothing.
 */
class TransactionsNotificationTest {

  private static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

  private final PaymentTransaction sale = sale("adyen-eu");
  private final PaymentTransaction refund = scheduledRefund(sale);

  @Test
  void leavesAloneANotificationNamingNoRefund() throws Exception {
    assertNoEffect(notification("adyen-eu", "unknown.r1", "PAYMENT1", "400"), "no refund");
    assertNoEffect(notification("adyen-eu", "", "PAYMENT1", "400"), "no refund");
    assertNoEffect(notification("adyen-eu", sale.idempotencyKey(), "PAYMENT1", "400"), "no refund");
  }

  @Test
  void leavesAloneTheRefundOfAnotherConfigurationSaleOrAmount() throws Exception {
    String key = refund.idempotencyKey();
    assertNoEffect(notification("adyen-us", key, "PAYMENT1", "400"), "no refund");
    assertNoEffect(notification("adyen-eu", key, "OTHERPAYMENT", "400"), "another payment");
    assertNoEffect(notification("adyen-eu", key, "PAYMENT1", "401"), "another amount");
    assertThat(refund.outcome(), is(Outcome.SCHEDULED));
    assertThat(sale.refunded(), is(Money.of(400, "GBP")));
  }

  private void assertNoEffect(PspNotification notification, String why) throws Exception {
    NotificationEffect effect = transactions().applyRefundNotification(notification);

    assertThat(effect.applied(), is(false));
    assertThat(effect.description(), containsString(why));
  }

  private static PspNotification notification(
      String configuration, String merchantReference, String original, String value) {
    return PspNotification.received(
        configuration,
        new NotificationItem(
            "QFQTPCQ8HXSKGK82",
            original,
            "TonewallMOTO",
            merchantReference,
            value,
            "GBP",
            "REFUND_FAILED",
            "true",
            Optional.empty(),
            "c2ln"),
        Optional.empty(),
        NOW);
  }

  private Transactions transactions() throws Exception {
    Transactions transactions = new Transactions();
    List<PaymentTransaction> known = List.of(sale, refund);
    inject(
        transactions,
        "transactions",
        new JpaPaymentTransactionRepository() {
          @Override
          public Optional<PaymentTransaction> byIdempotencyKey(String key) {
            return known.stream().filter(t -> t.idempotencyKey().equals(key)).findFirst();
          }

          @Override
          public Optional<PaymentTransaction> find(UUID id) {
            return known.stream().filter(t -> t.id().equals(id)).findFirst();
          }
        });
    inject(transactions, "clock", Clock.fixed(NOW, ZoneOffset.UTC));
    return transactions;
  }

  private static PaymentTransaction scheduledRefund(PaymentTransaction sale) {
    return sale.refund(
        Money.of(400, "GBP"),
        sale.id() + ".r1",
        new PaymentOutcome(
            Outcome.SCHEDULED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()),
        NOW.minusSeconds(60));
  }

  private static PaymentTransaction sale(String configuration) {
    return Sales.approved(configuration, Money.of(1000, "GBP"), "PAYMENT1", NOW.minusSeconds(120));
  }

  private static void inject(Object target, String name, Object value) throws Exception {
    Field field = Transactions.class.getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }
}
