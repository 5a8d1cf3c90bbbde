package io.tonewall.psp.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.PspConnection;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the connection manager relies on: matching, events, cleanup, destroy. */
class ManagedConnectionContractTest {
  @TempDir Path logs;
  private TestAdapter adapter;

  @BeforeEach
  void start() throws ResourceException {
    adapter = TestAdapter.start(logs);
  }

  @AfterEach
  void stop() {
    adapter.close();
  }

  @Test
  void matchesOnlyLiveConnectionsOfTheSameFactory() throws ResourceException {
    // given
    PspManagedConnection destroyed = adapter.managed();
    destroyed.destroy();
    PspManagedConnectionFactory otherFactory = new PspManagedConnectionFactory();
    otherFactory.setResourceAdapter(adapter.adapter);
    PspManagedConnection foreign =
        (PspManagedConnection) otherFactory.createManagedConnection(null, null);
    PspManagedConnection live = adapter.managed();

    // then
    assertThat(
        adapter.factory.matchManagedConnections(Set.of(destroyed, foreign), null, null),
        nullValue());
    assertThat(
        adapter.factory.matchManagedConnections(Set.of(destroyed, foreign, live), null, null),
        sameInstance(live));
  }

  @Test
  void tellsListenersWhenAHandleCloses() throws ResourceException {
    // given
    PspManagedConnection managed = adapter.managed();
    List<ConnectionEvent> events = new ArrayList<>();
    managed.addConnectionEventListener(
        new ConnectionEventListener() {
          @Override
          public void connectionClosed(ConnectionEvent event) {
            events.add(event);
          }

          @Override
          public void localTransactionStarted(ConnectionEvent event) {}

          @Override
          public void localTransactionCommitted(ConnectionEvent event) {}

          @Override
          public void localTransactionRolledback(ConnectionEvent event) {}

          @Override
          public void connectionErrorOccurred(ConnectionEvent event) {}
        });
    PspConnection handle = (PspConnection) managed.getConnection(null, null);

    // when
    handle.close();

    // then
    assertThat(events.size(), is(1));
    assertThat(events.get(0).getId(), is(ConnectionEvent.CONNECTION_CLOSED));
    assertThat(events.get(0).getConnectionHandle(), sameInstance(handle));
  }

  @Test
  void invalidatesHandles_whenCleanedUp_andRefusesEverything_whenDestroyed()
      throws ResourceException {
    // given
    PspManagedConnection managed = adapter.managed();
    PspConnection handle = (PspConnection) managed.getConnection(null, null);

    // when
    managed.cleanup();
    managed.destroy();

    // then
    assertThrows(
        jakarta.resource.spi.IllegalStateException.class,
        () -> handle.status("sandbox", IdempotencyKey.of("k")));
    assertThrows(ResourceException.class, () -> managed.getConnection(null, null));
    assertThrows(ResourceException.class, managed::getXAResource);
  }

  @Test
  void movesAHandleToAnotherConnection() throws ResourceException {
    // given
    PspManagedConnection first = adapter.managed();
    PspManagedConnection second = adapter.managed();
    PspConnection handle = (PspConnection) first.getConnection(null, null);

    // when
    second.associateConnection(handle);
    first.destroy();

    // then
    assertThat(handle.status("sandbox", IdempotencyKey.of("k")).state().name(), is("NOT_FOUND"));
  }

  @Test
  void offersXaOnly() throws ResourceException {
    // given
    PspManagedConnection managed = adapter.managed();

    // then
    assertThrows(NotSupportedException.class, managed::getLocalTransaction);
    assertThat(adapter.factory.getTransactionSupport(), is(TransactionSupportLevel.XATransaction));
  }
}
