package io.tonewall.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import java.text.ParseException;

/**
 * JAIN-SIP's own parser, followed by {@link RequestForm} on the same raw octets: a request whose
 * form the parser repaired carries the {@link FormDefect} as its application data, for the B2BUA to
 * answer. Messages themselves are never changed.
 */
final class FormCheckingParser implements MessageParser {

  private final MessageParser parser;

  FormCheckingParser(MessageParser parser) {
    this.parser = parser;
  }

  @Override
  public SIPMessage parseSIPMessage(
      byte[] raw, boolean readBody, boolean strict, ParseExceptionListener listener)
      throws ParseException {
    SIPMessage message = parser.parseSIPMessage(raw, readBody, strict, listener);
    boolean noBody = message.getRawContent() == null || message.getRawContent().length == 0;
    if (readBody && noBody) { // a whole datagram (UDP)
      DatagramBody.withoutContentLength(raw).ifPresent(message::setMessageContent);
    }
    if (message instanceof SIPRequest) {
      RequestForm.check(raw).ifPresent(message::setApplicationData);
    }
    return message;
  }
}
