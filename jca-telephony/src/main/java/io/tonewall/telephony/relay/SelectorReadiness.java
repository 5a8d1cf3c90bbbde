package io.tonewall.telephony.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A relay loop's readiness from a Java NIO {@link Selector}: every datagram is read and forwarded
 * by Java. Ready keys are handled as the selector reports them ({@link Selector#select(Consumer,
 * long)}: no selected-key set to fill, iterate and empty). The relay uses it where the native fast
 * path is switched off or cannot load.
 */
final class SelectorReadiness implements LoopReadiness {

  private final Selector selector;
  private ReadyHandler handler;
  private final Consumer<SelectionKey> onReady = this::ready;

  private SelectorReadiness(Selector selector) {
    this.selector = selector;
  }

  static SelectorReadiness open() throws IOException {
    return new SelectorReadiness(Selector.open());
  }

  @Override
  public void register(Inlet inlet) throws IOException {
    RelayLeg leg = inlet.leg();
    (inlet.rtcp() ? leg.rtcp() : leg.rtp()).register(selector, SelectionKey.OP_READ, inlet);
  }

  @Override
  public void deregister(Inlet inlet) {
    // closing the channel cancels its key
  }

  @Override
  public boolean needsDeregistration() {
    return false;
  }

  @Override
  public int poll(long timeoutMs, ReadyHandler handler) throws IOException {
    this.handler = handler;
    return timeoutMs == 0 ? selector.selectNow(onReady) : selector.select(onReady, timeoutMs);
  }

  private void ready(SelectionKey key) {
    if (key.isValid() && key.attachment() instanceof Inlet inlet) {
      handler.readable(inlet);
    }
  }

  @Override
  public void wakeup() {
    selector.wakeup();
  }

  @Override
  public void taskQueued() {
    // Java reads every datagram, after the queued tasks
  }

  @Override
  public void taskDone() {
    // nothing to count
  }

  @Override
  public void close() throws IOException {
    selector.close();
  }

  @Override
  public boolean forwards() {
    return false;
  }

  @Override
  public void forward(
      Inlet from, RelayLeg to, int eventPayloadType, int sequenceOffset, boolean keepHistory) {
    throw new UnsupportedOperationException("a selector does not forward RTP itself");
  }

  @Override
  public void stopForwarding(
      Inlet from, Consumer<ByteBuffer> history, BiConsumer<Inlet, FastPathCounts> counts) {
    // nothing is ever forwarded here
  }

  @Override
  public void collect(BiConsumer<Inlet, FastPathCounts> counts) {
    // Java counts every datagram itself
  }
}
