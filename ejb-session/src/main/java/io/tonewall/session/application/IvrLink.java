package io.tonewall.session.application;

import java.util.Objects;

/**
 * How an IVR session's caller reaches the IVR: transferred to {@code transferTo}, joined to the
 * session by {@code linkId} (appended to the destination or keyed by the caller).
 *
 * @param transferTo the number or SIP URI callers are transferred to
 * @param linkId digits that name the session to the IVR
 */
public record IvrLink(String transferTo, String linkId) {

  public IvrLink {
    Objects.requireNonNull(transferTo, "transferTo");
    Objects.requireNonNull(linkId, "linkId");
  }
}
