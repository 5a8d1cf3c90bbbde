package io.tonewall.session.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;

import io.tonewall.psp.api.PaymentCard;
import io.tonewall.session.domain.FieldProgress;
import io.tonewall.session.domain.PaymentSession;
import jakarta.ejb.Stateful;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the one rule: nothing that is persisted, passivated or sent out has a field that could
 * hold card data — no card object, no character or byte array, and no field named for a card
 * number, expiry or security code unless it is a capture progress (a state and a digit count).
 * Every JPA entity, embeddable and mapped superclass and every {@code @Stateful} bean of the module
 * is found by scanning its classes, so a new one is checked without being listed here.
 */
class NoCardDataInStateTest {

  private static final Pattern CARD_NAMES =
      Pattern.compile("(?i).*(pan|cardnumber|number|cvc|cvv|securitycode|expiry|track).*");

  /** Published or passivated types that carry no annotation to find them by. */
  private static final List<Class<?>> PUBLISHED =
      List.of(
          SessionView.class,
          TransactionView.class,
          CardFieldView.class,
          SessionPage.class,
          SessionChanged.class);

  @Test
  void noPersistedPassivatedOrPublishedTypeHasAFieldForCardData() throws Exception {
    // given
    List<Class<?>> state = new ArrayList<>(scannedState());
    state.addAll(PUBLISHED);
    List<String> suspicious = new ArrayList<>();

    // when
    for (Class<?> type : state) {
      for (Class<?> current = type; current != Object.class; current = current.getSuperclass()) {
        for (Field field : current.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers()) && suspicious(field)) {
            suspicious.add(type.getSimpleName() + "." + field.getName());
          }
        }
      }
    }

    // then
    assertThat(suspicious, empty());
  }

  @Test
  void theScanFindsEveryKindOfStateClass() throws Exception {
    // when
    Set<String> found = new TreeSet<>();
    for (Class<?> type : scannedState()) {
      found.add(type.getSimpleName());
    }

    // then: entities of every package, embeddables and the stateful session bean
    assertThat(
        found,
        hasItems(
            "PaymentSession",
            "PaymentTransaction",
            "AuditEntry",
            "AuditChainHead",
            "CallTransfer",
            "CustomerDetails",
            "FieldProgress",
            "Money",
            "ApiClient",
            "AgentUser",
            "IdempotentRequest",
            "WebhookSubscription",
            "WebhookDelivery",
            "PaymentSessionBean"));
  }

  private static boolean suspicious(Field field) {
    Class<?> fieldType = field.getType();
    boolean cardObject = PaymentCard.class.isAssignableFrom(fieldType);
    boolean rawArray = fieldType == char[].class || fieldType == byte[].class;
    boolean cardName =
        CARD_NAMES.matcher(field.getName()).matches()
            && fieldType != FieldProgress.class
            && !field.getName().equals("numberLastFour")
            && !field.getName().equals("numberScheme");
    return cardObject || rawArray || cardName;
  }

  /** Every class of the module's main output that JPA persists or the container passivates. */
  private static List<Class<?>> scannedState() throws Exception {
    Path classes =
        Paths.get(PaymentSession.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes
                .relativize(file)
                .toString()
                .replace(File.separatorChar, '.')
                .replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, NoCardDataInStateTest.class.getClassLoader());
        if (type.isAnnotationPresent(Entity.class)
            || type.isAnnotationPresent(Embeddable.class)
            || type.isAnnotationPresent(MappedSuperclass.class)
            || type.isAnnotationPresent(Stateful.class)) {
          found.add(type);
        }
      }
    }
    return found;
  }
}
