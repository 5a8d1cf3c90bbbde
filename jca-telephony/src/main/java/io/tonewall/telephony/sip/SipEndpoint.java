package io.tonewall.telephony.sip;

import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;

/**
 * One JAIN-SIP stack with a provider listening on UDP and TCP at the same address and port. {@link
 * #open} starts it; {@link #close} stops it and frees the ports.
 *
 * <p>The stack is configured never to log message bodies: a SIP INFO may carry keypad digits. Its
 * parser is wrapped by a {@link FormCheckingParser}, so that the B2BUA learns of request forms the
 * parser would repair (a SIP version other than 2.0, duplicated single-valued headers, ...).
 */
public final class SipEndpoint implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SipEndpoint.class.getName());
  private static final List<String> TRANSPORTS = List.of(ListeningPoint.UDP, ListeningPoint.TCP);

  private final SipStack stack;
  private final SipProvider provider;
  private final SipListener listener;
  private final String bindAddress;
  private final int port;

  private SipEndpoint(
      SipStack stack, SipProvider provider, SipListener listener, String bindAddress, int port) {
    this.stack = stack;
    this.provider = provider;
    this.listener = listener;
    this.bindAddress = bindAddress;
    this.port = port;
  }

  /**
   * Starts a stack listening on {@code bindAddress:port} over UDP and TCP and hands every request
   * and response to {@code listener}.
   *
   * @throws SipEndpointException when the port is taken or the stack cannot start
   */
  public static SipEndpoint open(String bindAddress, int port, SipListener listener) {
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    SipStack stack;
    try {
      stack = factory.createSipStack(stackProperties());
    } catch (PeerUnavailableException e) {
      throw new SipEndpointException("cannot create the JAIN-SIP stack: " + e.getMessage(), e);
    }
    if (stack instanceof gov.nist.javax.sip.stack.SIPTransactionStack transactions) {
      // before the listening points: their channels take their parsers from this factory
      transactions.setMessageParserFactory(new FormCheckingParserFactory());
    }
    try {
      SipProvider provider = null;
      for (String transport : TRANSPORTS) {
        ListeningPoint point = stack.createListeningPoint(bindAddress, port, transport);
        if (provider == null) {
          provider = stack.createSipProvider(point);
        } else {
          provider.addListeningPoint(point);
        }
      }
      provider.addSipListener(listener);
      stack.start();
      LOG.info(() -> "SIP listens on " + bindAddress + ":" + port + " (udp, tcp)");
      return new SipEndpoint(stack, provider, listener, bindAddress, port);
    } catch (SipException | javax.sip.InvalidArgumentException | TooManyListenersException e) {
      stack.stop();
      throw new SipEndpointException(
          "SIP cannot listen on " + bindAddress + ":" + port + ": " + rootMessage(e), e);
    }
  }

  private static Properties stackProperties() {
    Properties properties = new Properties();
    properties.setProperty("javax.sip.STACK_NAME", "tonewall-" + UUID.randomUUID());
    properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
    properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    properties.setProperty("gov.nist.javax.sip.LOG_STACK_TRACE_ON_MESSAGE_SEND", "false");
    properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
    return properties;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The provider that sends requests and responses on this endpoint. */
  public SipProvider provider() {
    return provider;
  }

  public String bindAddress() {
    return bindAddress;
  }

  public int port() {
    return port;
  }

  /** True while listening points are open. */
  public boolean listening() {
    return provider.getListeningPoints().length == TRANSPORTS.size();
  }

  /** Transports that listen, comma-separated in lower case. */
  public String transports() {
    return String.join(",", TRANSPORTS).toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Deletes a listening point. JAIN-SIP 1.3's {@code UDPMessageProcessor.stop} closes its socket
   * and then iterates its worker list while workers leave it, which can throw {@link
   * ConcurrentModificationException}; by then the socket is closed and the workers end on their
   * own, so the race is logged and shutdown goes on.
   */
  private void deleteListeningPoint(ListeningPoint point) throws ObjectInUseException {
    try {
      stack.deleteListeningPoint(point);
    } catch (ConcurrentModificationException e) {
      LOG.log(
          Level.WARNING,
          "JAIN-SIP raced its own workers while closing " + point.getTransport() + "; continuing",
          e);
    }
  }

  @Override
  public void close() {
    try {
      provider.removeSipListener(listener);
      for (ListeningPoint point : provider.getListeningPoints()) {
        provider.removeListeningPoint(point);
        deleteListeningPoint(point);
      }
      stack.deleteSipProvider(provider);
    } catch (SipException | RuntimeException e) {
      // JAIN-SIP 1.3.0-91 can throw ConcurrentModificationException from
      // UDPMessageProcessor.stop while its reader threads end: stopping the stack still frees
      // the ports.
      LOG.log(Level.WARNING, "SIP provider did not close cleanly; stopping the stack anyway", e);
    } finally {
      stack.stop();
    }
  }
}
