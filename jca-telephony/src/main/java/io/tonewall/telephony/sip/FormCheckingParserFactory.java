package io.tonewall.telephony.sip;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Makes the stack's UDP and TCP channels parse with a {@link FormCheckingParser} around JAIN-SIP's
 * string parser. Installed on the stack before its listening points are created.
 */
final class FormCheckingParserFactory implements MessageParserFactory {

  private final MessageParserFactory parsers = new StringMsgParserFactory();

  @Override
  public MessageParser createMessageParser(SIPTransactionStack stack) {
    return new FormCheckingParser(parsers.createMessageParser(stack));
  }
}
