package io.tonewall.telephony.spi;

import jakarta.resource.spi.work.Work;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A long-running task of the adapter (the RTP relay's loop) as JCA {@link Work}, so that its thread
 * comes from the WorkManager. {@link #release()} asks the task to stop by closing it.
 */
final class RelayLoopWork implements Work {

  private static final Logger LOG = Logger.getLogger(RelayLoopWork.class.getName());

  private final Runnable loop;

  RelayLoopWork(Runnable loop) {
    this.loop = loop;
  }

  @Override
  public void run() {
    loop.run();
  }

  /** Called by the WorkManager when it wants its thread back: stops the loop. */
  @Override
  public void release() {
    if (loop instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "the relay loop did not stop cleanly", e);
      }
    }
  }
}
