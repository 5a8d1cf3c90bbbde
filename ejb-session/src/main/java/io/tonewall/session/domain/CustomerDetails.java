package io.tonewall.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The agent fields about the payer that an integrator may prefill or an agent may type: name,
 * address, postcode and e-mail. Each is optional; each is checked for length and form. No card data
 * may be entered here: a value holding a likely card number ({@link CardNumberGuard}) is refused.
 */
@Embeddable
public class CustomerDetails {

  private static final Pattern PRINTABLE =
      Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{P}\\p{Zs}\\p{S}]*");
  private static final Pattern POSTCODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,14}");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  @Column(name = "customer_name", length = 100)
  private String name;

  @Column(name = "customer_address", length = 200)
  private String address;

  @Column(name = "customer_postcode", length = 16)
  private String postcode;

  @Column(name = "customer_email", length = 254)
  private String email;

  protected CustomerDetails() {
    // for JPA
  }

  private CustomerDetails(String name, String address, String postcode, String email) {
    this.name = name;
    this.address = address;
    this.postcode = postcode;
    this.email = email;
  }

  /** No details. */
  public static CustomerDetails none() {
    return new CustomerDetails(null, null, null, null);
  }

  /**
   * Checks and builds the details; blank values count as absent.
   *
   * @throws InvalidSessionInputException naming the first field that is too long or malformed
   */
  public static CustomerDetails of(
      Optional<String> name,
      Optional<String> address,
      Optional<String> postcode,
      Optional<String> email) {
    return new CustomerDetails(
        text("name", name, 100, PRINTABLE),
        text("address", address, 200, PRINTABLE),
        text("postcode", postcode, 16, POSTCODE),
        text("email", email, 254, EMAIL));
  }

  private static String text(String field, Optional<String> value, int max, Pattern form) {
    String stripped = Objects.requireNonNull(value, field).map(String::strip).orElse("");
    if (stripped.isEmpty()) {
      return null;
    }
    if (stripped.length() > max) {
      throw new InvalidSessionInputException(field + " must be at most " + max + " characters");
    }
    if (!form.matcher(stripped).matches()) {
      throw new InvalidSessionInputException(field + " is not well formed");
    }
    CardNumberGuard.requireNoCardNumber(field, stripped);
    return stripped;
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public Optional<String> address() {
    return Optional.ofNullable(address);
  }

  public Optional<String> postcode() {
    return Optional.ofNullable(postcode);
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }
}
