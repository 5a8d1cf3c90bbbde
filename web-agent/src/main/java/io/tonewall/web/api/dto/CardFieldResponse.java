package io.tonewall.web.api.dto;

import io.tonewall.session.application.CardFieldView;

/**
 * One card field's progress, masked.
 *
 * @param name {@code number}, {@code expiry} or {@code securityCode}
 * @param state {@code NOT_REQUESTED}, {@code REQUESTED}, {@code COMPLETE} or {@code INVALID}
 * @param digits digits keyed so far
 * @param complete complete and valid
 * @param masked one {@code *} per digit; a complete number shows its last four
 * @param brand the card number's brand once recognised, else null
 */
public record CardFieldResponse(
    String name, String state, int digits, boolean complete, String masked, String brand) {

  public static CardFieldResponse of(CardFieldView view) {
    return new CardFieldResponse(
        view.field().apiName(),
        view.state().name(),
        view.digitCount(),
        view.complete(),
        view.masked(),
        view.brand().map(Enum::name).orElse(null));
  }
}
