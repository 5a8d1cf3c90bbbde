package io.tonewall.telephony.spi.inbound;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventListener;
import io.tonewall.telephony.api.TelephonyEventType;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {

  private final List<String> steps = new ArrayList<>();
  private final List<Work> scheduled = new ArrayList<>();

  @Test
  void deliversThroughTheEndpointLifecycle_asScheduledWork() {
    // given
    EventDispatcher dispatcher = new EventDispatcher(new QueueingWorkManager());
    dispatcher.activate(new RecordingFactory(), spec(""));
    TelephonyEvent event = event(TelephonyEventType.SECURE);

    // when
    dispatcher.accept(event);
    List<String> beforeRun = List.copyOf(steps);
    scheduled.forEach(Work::run);

    // then
    assertThat(beforeRun, is(List.of()));
    assertThat(
        steps,
        is(
            List.of(
                "createEndpoint",
                "beforeDelivery onEvent",
                "onEvent SECURE",
                "afterDelivery",
                "release")));
  }

  @Test
  void deliversAnEndpointsEventsInOrder_fromOneWorkAtATime() {
    // given
    EventDispatcher dispatcher = new EventDispatcher(new QueueingWorkManager());
    dispatcher.activate(new RecordingFactory(), spec("PAIRED,SECURE,CALL_ENDED"));

    // when
    dispatcher.accept(event(TelephonyEventType.PAIRED));
    dispatcher.accept(event(TelephonyEventType.SECURE));
    dispatcher.accept(event(TelephonyEventType.CALL_ENDED));
    int works = scheduled.size();
    scheduled.forEach(Work::run);
    dispatcher.accept(event(TelephonyEventType.CALL_ENDED));

    // then
    assertThat(works, is(1));
    assertThat(
        steps.stream().filter(step -> step.startsWith("onEvent")).toList(),
        is(List.of("onEvent PAIRED", "onEvent SECURE", "onEvent CALL_ENDED")));
    assertThat("a new event after the drain schedules a new Work", scheduled.size(), is(2));
  }

  @Test
  void releasesEndpoint_whenTheListenerThrows() {
    // given
    EventDispatcher dispatcher = new EventDispatcher(new QueueingWorkManager());
    RecordingFactory factory = new RecordingFactory();
    factory.failing = true;
    dispatcher.activate(factory, spec(""));

    // when
    dispatcher.accept(event(TelephonyEventType.PAIRED));
    scheduled.forEach(Work::run);

    // then
    assertThat(steps.get(steps.size() - 1), is("release"));
    assertThat(steps.contains("afterDelivery"), is(true));
  }

  @Test
  void deliversOnlyTheTypesTheSpecAsksFor_andNothingAfterDeactivation() {
    // given
    EventDispatcher dispatcher = new EventDispatcher(new QueueingWorkManager());
    RecordingFactory factory = new RecordingFactory();
    dispatcher.activate(factory, spec("call_ended, secure"));

    // when
    dispatcher.accept(event(TelephonyEventType.DIGIT_ENTERED));
    dispatcher.accept(event(TelephonyEventType.CALL_ENDED));
    dispatcher.deactivate(factory);
    dispatcher.accept(event(TelephonyEventType.SECURE));

    // then
    assertThat(scheduled.size(), is(1));
    assertThat(dispatcher.endpoints(), is(0));
  }

  @Test
  void rejectsUnknownEventTypes_atValidation() {
    // given
    TelephonyActivationSpec spec = spec("SECURE,PIZZA");

    // then
    InvalidPropertyException error = assertThrows(InvalidPropertyException.class, spec::validate);
    assertThat(error.getMessage(), is("eventTypes: 'PIZZA' is not an event type"));
  }

  private static TelephonyActivationSpec spec(String types) {
    TelephonyActivationSpec spec = new TelephonyActivationSpec();
    spec.setEventTypes(types);
    return spec;
  }

  private static TelephonyEvent event(TelephonyEventType type) {
    return TelephonyEvent.of(type, "call-1", Instant.EPOCH).build();
  }

  private final class QueueingWorkManager implements WorkManager {
    @Override
    public void doWork(Work work) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void doWork(Work work, long timeout, ExecutionContext context, WorkListener listener) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long startWork(Work work) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long startWork(
        Work work, long timeout, ExecutionContext context, WorkListener listener) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void scheduleWork(Work work) {
      scheduled.add(work);
    }

    @Override
    public void scheduleWork(
        Work work, long timeout, ExecutionContext context, WorkListener listener) {
      scheduled.add(work);
    }
  }

  private final class RecordingFactory implements MessageEndpointFactory {
    boolean failing;

    @Override
    public MessageEndpoint createEndpoint(javax.transaction.xa.XAResource resource) {
      steps.add("createEndpoint");
      return new Endpoint();
    }

    @Override
    public MessageEndpoint createEndpoint(javax.transaction.xa.XAResource resource, long timeout) {
      return createEndpoint(resource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
      return false;
    }

    @Override
    public String getActivationName() {
      return "test";
    }

    @Override
    public Class<?> getEndpointClass() {
      return Endpoint.class;
    }

    final class Endpoint implements MessageEndpoint, TelephonyEventListener {
      @Override
      public void onEvent(TelephonyEvent event) {
        steps.add("onEvent " + event.type());
        if (failing) {
          throw new IllegalStateException("bean failed");
        }
      }

      @Override
      public void beforeDelivery(Method method) {
        steps.add("beforeDelivery " + method.getName());
      }

      @Override
      public void afterDelivery() {
        steps.add("afterDelivery");
      }

      @Override
      public void release() {
        steps.add("release");
      }
    }
  }
}
