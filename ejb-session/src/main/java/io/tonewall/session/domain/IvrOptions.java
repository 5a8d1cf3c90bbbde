package io.tonewall.session.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an IVR session talks to its caller: the prompts' language and what happens after the outcome
 * is announced. Whether the telephony adapter has prompts in the language is checked when the
 * session opens; here only its form.
 *
 * @param language a language tag such as {@code en} or {@code fr}
 * @param afterIvr hang up or transfer the caller back
 */
public record IvrOptions(String language, AfterIvr afterIvr) {

  /** The language when the integrator names none. */
  public static final String DEFAULT_LANGUAGE = "en";

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

  /**
   * @throws InvalidSessionInputException unless the language looks like a language tag
   */
  public IvrOptions {
    Objects.requireNonNull(afterIvr, "afterIvr");
    if (language == null || !LANGUAGE.matcher(language).matches()) {
      throw new InvalidSessionInputException(
          "language must be a language tag such as en, fr, de or es");
    }
  }

  /** English prompts, hang up afterwards. */
  public static IvrOptions defaults() {
    return new IvrOptions(DEFAULT_LANGUAGE, AfterIvr.HANG_UP);
  }
}
