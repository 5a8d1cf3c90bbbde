package io.tonewall.psp.http;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the HTTP client's asynchronous tasks on the application server's {@link WorkManager}, so
 * that the adapter uses the threads the server gives it rather than a pool of its own.
 */
public final class WorkManagerExecutor implements Executor {
  private final WorkManager workManager;

  public WorkManagerExecutor(WorkManager workManager) {
    this.workManager = workManager;
  }

  @Override
  public void execute(Runnable task) {
    try {
      workManager.scheduleWork(
          new Work() {
            @Override
            public void run() {
              task.run();
            }

            @Override
            public void release() {
              // the task ends by itself; nothing to interrupt
            }
          });
    } catch (WorkException e) {
      throw new RejectedExecutionException("work manager refused an HTTP client task", e);
    }
  }
}
