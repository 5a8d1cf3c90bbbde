package io.tonewall.telephony.sip;

import io.tonewall.telephony.relay.LegSide;
import java.util.Optional;
import javax.sip.ServerTransaction;

/**
 * What a client transaction Tonewall sent is for: the request it relays, whose server transaction
 * gets the answer, from which side it came, and the offer it carried. Attached as the client
 * transaction's application data.
 *
 * @param legs the call
 * @param answerTo the originating side's server transaction
 * @param from the side the original request came from
 * @param initial true for the call's first INVITE
 * @param offer the description the original request offered, when it carried one
 */
record RelayedRequest(
    CallLegs legs,
    ServerTransaction answerTo,
    LegSide from,
    boolean initial,
    Optional<AudioDescription> offer) {}
