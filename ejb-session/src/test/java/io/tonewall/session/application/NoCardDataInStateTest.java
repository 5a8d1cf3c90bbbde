package io.tonewall.session.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import io.tonewall.psp.api.PaymentCard;
import io.tonewall.session.domain.AuditChainHead;
import io.tonewall.session.domain.AuditEntry;
import io.tonewall.session.domain.CallTransfer;
import io.tonewall.session.domain.CustomerDetails;
import io.tonewall.session.domain.FieldProgress;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.PaymentTransaction;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Guards the one rule: nothing that is persisted, passivated or sent out has a field that could
 * hold card data — no card object, no character or byte array, and no field named for a card
 * number, expiry or security code unless it is a capture progress (a state and a digit count).
 */
class NoCardDataInStateTest {

  private static final Pattern CARD_NAMES =
      Pattern.compile("(?i).*(pan|cardnumber|number|cvc|cvv|securitycode|expiry|track).*");

  private static final List<Class<?>> STATE =
      List.of(
          PaymentSession.class,
          PaymentTransaction.class,
          AuditEntry.class,
          AuditChainHead.class,
          CallTransfer.class,
          CustomerDetails.class,
          FieldProgress.class,
          PaymentSessionBean.class,
          SessionView.class,
          TransactionView.class,
          CardFieldView.class,
          SessionPage.class,
          SessionChanged.class);

  @Test
  void noPersistedPassivatedOrPublishedTypeHasAFieldForCardData() {
    // given
    List<String> suspicious = new ArrayList<>();

    // when
    for (Class<?> type : STATE) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Class<?> fieldType = field.getType();
        boolean cardObject = PaymentCard.class.isAssignableFrom(fieldType);
        boolean rawArray = fieldType == char[].class || fieldType == byte[].class;
        boolean cardName =
            CARD_NAMES.matcher(field.getName()).matches()
                && fieldType != FieldProgress.class
                && !field.getName().equals("numberLastFour")
                && !field.getName().equals("numberScheme");
        if (cardObject || rawArray || cardName) {
          suspicious.add(type.getSimpleName() + "." + field.getName());
        }
      }
    }

    // then
    assertThat(suspicious, empty());
  }
}
