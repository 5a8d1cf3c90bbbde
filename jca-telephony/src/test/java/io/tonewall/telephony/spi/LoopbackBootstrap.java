package io.tonewall.telephony.spi;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What an application server gives the adapter at start, reduced to a WorkManager on a cached
 * thread pool: enough to start the real adapter on loopback in a unit test.
 */
public final class LoopbackBootstrap implements BootstrapContext, AutoCloseable {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  /** A started adapter on 127.0.0.1, a free SIP port and {@code rtpPorts}. */
  public TelephonyResourceAdapter adapter(String rtpPorts)
      throws IOException, ResourceAdapterInternalException {
    return adapter(rtpPorts, null);
  }

  /**
   * A started adapter on 127.0.0.1, a free SIP port and {@code rtpPorts}, calling {@code agentUri}.
   */
  public TelephonyResourceAdapter adapter(String rtpPorts, String agentUri)
      throws IOException, ResourceAdapterInternalException {
    TelephonyResourceAdapter adapter = new TelephonyResourceAdapter();
    adapter.setBindAddress("127.0.0.1");
    adapter.setSipPort(String.valueOf(freePort()));
    adapter.setRtpPorts(rtpPorts);
    if (agentUri != null) {
      adapter.setAgentUri(agentUri);
    }
    adapter.start(this);
    return adapter;
  }

  /**
   * A port free for both TCP and UDP on loopback right now (SIP listens on both; a TCP-only check
   * let other processes' UDP sockets collide on a busy machine).
   */
  static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        try (java.net.DatagramSocket udp =
            new java.net.DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
          return port;
        } catch (java.net.SocketException taken) {
          // UDP side busy: try another port
        }
      }
    }
    throw new IOException("no port free for both TCP and UDP after 50 attempts");
  }

  @Override
  public WorkManager getWorkManager() {
    return new WorkManager() {
      @Override
      public void doWork(Work work) {
        work.run();
      }

      @Override
      public void doWork(Work work, long timeout, ExecutionContext context, WorkListener l) {
        work.run();
      }

      @Override
      public long startWork(Work work) {
        threads.execute(work);
        return 0;
      }

      @Override
      public long startWork(Work work, long timeout, ExecutionContext context, WorkListener l) {
        threads.execute(work);
        return 0;
      }

      @Override
      public void scheduleWork(Work work) {
        threads.execute(work);
      }

      @Override
      public void scheduleWork(Work work, long timeout, ExecutionContext context, WorkListener l) {
        threads.execute(work);
      }
    };
  }

  @Override
  public XATerminator getXATerminator() {
    throw new UnsupportedOperationException("not needed by the telephony adapter");
  }

  @Override
  public Timer createTimer() {
    throw new UnsupportedOperationException("not needed by the telephony adapter");
  }

  @Override
  public boolean isContextSupported(Class<? extends WorkContext> context) {
    return false;
  }

  @Override
  public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
    throw new UnsupportedOperationException("not needed by the telephony adapter");
  }

  @Override
  public void close() {
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
