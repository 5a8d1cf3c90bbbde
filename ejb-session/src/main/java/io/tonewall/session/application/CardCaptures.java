package io.tonewall.session.application;

import io.tonewall.session.domain.SessionMode;
import java.util.Objects;
import java.util.Optional;

/** Picks the card capture that serves a session's mode among those installed. */
public final class CardCaptures {

  private final Iterable<CardCapture> installed;

  public CardCaptures(Iterable<CardCapture> installed) {
    this.installed = Objects.requireNonNull(installed, "installed");
  }

  /**
   * The capture for this mode.
   *
   * @throws CardCaptureUnavailableException when none serves it
   */
  public CardCapture forMode(SessionMode mode) {
    return find(mode).orElseThrow(() -> new CardCaptureUnavailableException(mode));
  }

  /** The capture for this mode, if one is installed. */
  public Optional<CardCapture> find(SessionMode mode) {
    for (CardCapture capture : installed) {
      if (capture.serves(mode)) {
        return Optional.of(capture);
      }
    }
    return Optional.empty();
  }
}
