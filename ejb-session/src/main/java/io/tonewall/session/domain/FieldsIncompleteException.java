package io.tonewall.session.domain;

import java.util.List;
import java.util.UUID;

/** Processing was asked for before every card field was complete and valid. */
public final class FieldsIncompleteException extends SessionStateException {

  private static final long serialVersionUID = 1L;

  private final List<CardField> incomplete;

  public FieldsIncompleteException(UUID id, List<CardField> incomplete) {
    super(
        "payment session "
            + id
            + " cannot be processed: card fields not complete: "
            + String.join(", ", incomplete.stream().map(CardField::apiName).toList()));
    this.incomplete = List.copyOf(incomplete);
  }

  /** The card fields that are not complete and valid yet. */
  public List<CardField> incomplete() {
    return incomplete;
  }
}
