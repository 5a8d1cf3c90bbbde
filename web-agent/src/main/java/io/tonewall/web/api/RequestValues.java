package io.tonewall.web.api;

import io.tonewall.session.domain.AfterIvr;
import io.tonewall.session.domain.CardNumberGuard;
import io.tonewall.session.domain.CustomerDetails;
import io.tonewall.session.domain.IvrOptions;
import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.web.api.dto.AmountBody;
import io.tonewall.web.api.dto.CustomerBody;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the values of API requests: ids, required members, enum names, amounts, agent fields, call
 * references. Refusals name the member and the rule, never the value sent.
 */
final class RequestValues {

  private RequestValues() {}

  static UUID id(String name, String value) {
    try {
      if (value == null || value.length() != 36) {
        throw new IllegalArgumentException("not 36 characters");
      }
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(name + " id is not a UUID");
    }
  }

  /**
   * A call reference an integrator sent: 1-128 printable ASCII characters without spaces, holding
   * no likely card number (references are stored).
   */
  static String callReference(String name, String value) {
    if (value == null || !value.matches("[\\x21-\\x7E]{1,128}")) {
      throw new InvalidRequestException(
          name + " must be 1-128 printable ASCII characters without spaces");
    }
    CardNumberGuard.requireNoCardNumber(name, value);
    return value;
  }

  /** A call reference that may be left out; checked like {@link #callReference}. */
  static Optional<String> optionalCallReference(String name, String value) {
    return Optional.ofNullable(value).map(present -> callReference(name, present.strip()));
  }

  static <T> T required(String name, T value) {
    if (value == null) {
      throw new InvalidRequestException(name + " is required");
    }
    return value;
  }

  static <E extends Enum<E>> E choice(Class<E> type, String name, String value, E fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /**
   * The IVR options of a new session: only IVR sessions take them (default {@code en} and {@code
   * HANG_UP}); whether the IVR speaks the language is checked when the session opens, here only its
   * form. Refusals never repeat the value sent.
   */
  static Optional<IvrOptions> ivrOptions(SessionMode mode, String language, String afterIvr) {
    if (mode != SessionMode.IVR) {
      if (language != null || afterIvr != null) {
        throw new InvalidRequestException("language and afterIvr apply to IVR sessions only");
      }
      return Optional.empty();
    }
    return Optional.of(
        new IvrOptions(
            language == null ? IvrOptions.DEFAULT_LANGUAGE : language.strip(),
            choice(AfterIvr.class, "afterIvr", afterIvr, AfterIvr.HANG_UP)));
  }

  /** The amount of a body that must carry one. */
  static Money money(AmountBody body) {
    AmountBody present = required("a JSON body", body);
    return Money.of(required("amount", present.amount()), required("currency", present.currency()));
  }

  /** The amount of a body that may carry one (a full refund carries none). */
  static Optional<Money> optionalMoney(AmountBody body) {
    if (body == null || (body.amount() == null && body.currency() == null)) {
      return Optional.empty();
    }
    return Optional.of(money(body));
  }

  static CustomerDetails customer(CustomerBody body) {
    if (body == null) {
      return CustomerDetails.none();
    }
    return CustomerDetails.of(
        Optional.ofNullable(body.name()),
        Optional.ofNullable(body.address()),
        Optional.ofNullable(body.postcode()),
        Optional.ofNullable(body.email()));
  }
}
