package io.tonewall.web.api;

import io.tonewall.session.domain.CardNumberGuard;
import jakarta.json.bind.JsonbException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in what reading a body threw, that the body had a member its type does not have (see
 * {@link StrictJsonb}), and which one. The name is repeated to the caller only when it looks like a
 * member name (letters, digits, '_', starting with a letter or '_', at most 64) and holds no likely
 * card number; else the problem says only that there is one.
 */
final class UnknownMember {

  /** Yasson 3's message for it: {@code Json property {0} can not be mapped to a class {1}.} */
  private static final Pattern YASSON =
      Pattern.compile("Json property (.*) can not be mapped to a");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private UnknownMember() {}

  /**
   * The problem detail, when {@code thrown} (or a cause) says the body had an unknown member.
   *
   * @return empty for any other failure
   */
  static Optional<String> detail(Throwable thrown) {
    for (Throwable current = thrown; current != null; current = current.getCause()) {
      if (current instanceof JsonbException && current.getMessage() != null) {
        Matcher matcher = YASSON.matcher(current.getMessage());
        if (matcher.find()) {
          String name = matcher.group(1);
          return Optional.of(
              NAME.matcher(name).matches() && !CardNumberGuard.containsCardNumber(name)
                  ? "the body has a member \"" + name + "\", which this resource does not take"
                  : "the body has a member this resource does not take");
        }
      }
    }
    return Optional.empty();
  }
}
