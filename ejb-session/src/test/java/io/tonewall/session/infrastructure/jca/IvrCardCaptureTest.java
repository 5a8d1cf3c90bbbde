package io.tonewall.session.infrastructure.jca;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.session.application.IvrAnnouncement;
import io.tonewall.session.domain.AfterIvr;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.telephony.api.IvrEnding;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The IVR capture serves IVR sessions only and speaks the adapter's announcements and endings. */
class IvrCardCaptureTest {

  private final IvrCardCapture capture = new IvrCardCapture();

  @Test
  void servesIvrSessionsOnly_andNeverShowsAPairingCode() {
    assertThat(capture.serves(SessionMode.IVR), is(true));
    assertThat(capture.serves(SessionMode.AGENT_ASSIST), is(false));
    assertThat(capture.serves(SessionMode.DIGITAL), is(false));
    assertThat(capture.allocatePairingCode(UUID.randomUUID()).isPresent(), is(false));
  }

  @Test
  void everyAnnouncementOfTheSession_isOneTheAdapterPlays() {
    // when
    var adapter =
        Arrays.stream(IvrAnnouncement.values())
            .map(a -> io.tonewall.telephony.api.IvrAnnouncement.valueOf(a.name()))
            .toList();

    // then
    assertThat(adapter.size(), is(io.tonewall.telephony.api.IvrAnnouncement.values().length));
  }

  @Test
  void endingsMapOneToOne() {
    assertThat(IvrCardCapture.ending(AfterIvr.HANG_UP), is(IvrEnding.HANG_UP));
    assertThat(IvrCardCapture.ending(AfterIvr.TRANSFER_BACK), is(IvrEnding.TRANSFER_BACK));
  }
}
