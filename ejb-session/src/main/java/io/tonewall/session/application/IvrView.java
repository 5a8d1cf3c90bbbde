package io.tonewall.session.application;

import io.tonewall.session.domain.AfterIvr;
import io.tonewall.session.domain.PaymentSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * An IVR session's IVR as the API shows it: its language, what happens after the outcome, and —
 * while the session waits for its call — where to transfer the caller and the link id.
 *
 * @param transferTo the number or SIP URI to transfer the caller to, while the session waits
 * @param linkId the id that joins the transferred call to the session, while the session waits
 */
public record IvrView(
    String language, AfterIvr afterIvr, Optional<String> transferTo, Optional<String> linkId)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The IVR part of a session; empty unless it is an IVR session. */
  static Optional<IvrView> of(PaymentSession session) {
    return session
        .ivrOptions()
        .map(
            options ->
                new IvrView(
                    options.language(),
                    options.afterIvr(),
                    session.ivrTransferTo(),
                    session.ivrLinkId()));
  }
}
