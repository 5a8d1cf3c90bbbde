package io.tonewall.telephony.ivr;

import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.IvrAnnouncement;
import io.tonewall.telephony.api.IvrEnding;
import io.tonewall.telephony.api.UnknownCallException;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.call.IvrControl;
import io.tonewall.telephony.dtmf.CaptureSpecification;
import io.tonewall.telephony.dtmf.CaptureState;
import io.tonewall.telephony.dtmf.DigitCollector;
import io.tonewall.telephony.dtmf.DtmfKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dialogue of one IVR call, once the caller's ACK has arrived ({@link #start()}):
 *
 * <ol>
 *   <li>Linking: the link id from the request URI, else "enter your payment reference" and the
 *       caller's keys (the link id's length, {@code #} optional). A wrong or missing id: "not
 *       recognised" (or "no entry") and again; after {@value #LINK_ATTEMPTS} attempts "goodbye" and
 *       BYE.
 *   <li>Linked: the call is secure for the session at once ({@code PAIRED}, {@code SECURE}). Keys
 *       stop the current prompt (barge-in) and go to the {@link Call}'s field capture; field
 *       requests play the field's prompt; announcements queue.
 *   <li>Ending: after the queued prompts, "goodbye" and BYE, or "transferring" and REFER.
 * </ol>
 *
 * <p>Threads: keys and the end of the queue arrive on the media thread, field requests and
 * announcements from the session (through {@link Call}, which holds its lock while calling), ticks
 * from the relay's ticker. This object never calls into {@link Call} or SIP while holding its own
 * lock. No key, link id or digit is logged.
 */
public final class IvrCall implements IvrMediaListener, IvrControl {

  private static final Logger LOG = Logger.getLogger(IvrCall.class.getName());

  /** Link ids a caller may try before the IVR says goodbye. */
  public static final int LINK_ATTEMPTS = 3;

  private static final Duration LINK_INTER_DIGIT = Duration.ofSeconds(10);
  private static final Duration LINK_OVERALL = Duration.ofSeconds(40);

  /** Where the dialogue stands. */
  enum Stage {
    /** Answered; waiting for the caller's ACK. */
    ANSWERED,
    /** Asking for (or checking) the link id. */
    LINKING,
    /** Linked to a session: fields, announcements. */
    LINKED,
    /** Playing the last prompts before BYE or REFER. */
    ENDING,
    /** BYE or REFER sent. */
    DONE
  }

  private final Call call;
  private final IvrMediaSession media;
  private final PromptLibrary prompts;
  private final LinkIds linkIds;
  private final IvrSignalling signalling;
  private final Clock clock;
  private final Optional<URI> returnUri;
  private final Optional<String> uriLinkId;
  private volatile String language;
  private Stage stage = Stage.ANSWERED;
  private Optional<DigitCollector> linkCollector = Optional.empty();
  private int attempts;
  private Optional<IvrEnding> ending = Optional.empty();

  /**
   * @param uriLinkId the link id the request URI carried, if any
   * @param defaultLanguage the language spoken until the call is linked
   * @param returnUri where {@code TRANSFER_BACK} refers the caller; empty: hang up instead
   */
  public IvrCall(
      Call call,
      IvrMediaSession media,
      PromptLibrary prompts,
      LinkIds linkIds,
      IvrSignalling signalling,
      Clock clock,
      Optional<URI> returnUri,
      Optional<String> uriLinkId,
      String defaultLanguage) {
    this.call = call;
    this.media = media;
    this.prompts = prompts;
    this.linkIds = linkIds;
    this.signalling = signalling;
    this.clock = clock;
    this.returnUri = returnUri;
    this.uriLinkId = uriLinkId;
    this.language = defaultLanguage;
  }

  /** The caller's ACK arrived: link by the URI's id, or ask for one. */
  public void start() {
    synchronized (this) {
      if (stage != Stage.ANSWERED) {
        return;
      }
      stage = Stage.LINKING;
    }
    if (uriLinkId.isPresent()) {
      attemptLink(uriLinkId.get().toCharArray());
    } else {
      synchronized (this) {
        play(IvrPrompt.ENTER_LINK_ID, true);
        collectLinkId();
      }
    }
  }

  /** The language the caller hears. */
  public String language() {
    return language;
  }

  synchronized Stage stage() {
    return stage;
  }

  @Override
  public void key(DtmfKey key) {
    char[] completed = null;
    boolean toCall = false;
    synchronized (this) {
      switch (stage) {
        case LINKING -> {
          media.player().bargeIn();
          if (linkCollector.isPresent()) {
            DigitCollector collector = linkCollector.get();
            CaptureState state = collector.press(key);
            if (state == CaptureState.COMPLETE) {
              completed = collector.handOverDigits();
              closeCollector();
            } else if (state == CaptureState.TIMED_OUT) {
              noLinkEntry();
            }
          }
        }
        case LINKED -> {
          media.player().bargeIn();
          toCall = true;
        }
        default -> {
          // before the ACK, or ending: keys are not wanted
        }
      }
    }
    if (completed != null) {
      attemptLink(completed);
    } else if (toCall) {
      call.callerKey(key);
    }
  }

  /** Evaluates the link id's timeouts; called by the relay's ticker. */
  public void tick() {
    char[] completed = null;
    synchronized (this) {
      if (stage != Stage.LINKING || linkCollector.isEmpty()) {
        return;
      }
      DigitCollector collector = linkCollector.get();
      CaptureState state = collector.checkTimeouts();
      if (state == CaptureState.COMPLETE) {
        completed = collector.handOverDigits();
        closeCollector();
      } else if (state == CaptureState.TIMED_OUT) {
        noLinkEntry();
      }
    }
    if (completed != null) {
      attemptLink(completed);
    }
  }

  /** Looks the id up; linked, or "not recognised" and again, or goodbye. Never under the lock. */
  private void attemptLink(char[] digits) {
    Optional<IvrLink> link;
    try {
      link = linkIds.redeem(new String(digits));
    } finally {
      Arrays.fill(digits, '\0');
    }
    if (link.isPresent()) {
      language = link.get().language();
      try {
        call.secureFor(link.get().sessionId());
        synchronized (this) {
          if (stage == Stage.LINKING) {
            stage = Stage.LINKED;
          }
        }
        return;
      } catch (UnknownCallException e) {
        LOG.log(Level.FINE, "IVR call ended while it was being linked", e);
        return;
      }
    }
    synchronized (this) {
      if (stage != Stage.LINKING) {
        return;
      }
      attempts++;
      play(IvrPrompt.LINK_NOT_RECOGNISED, true);
      if (attempts >= LINK_ATTEMPTS) {
        sayGoodbye();
      } else {
        play(IvrPrompt.ENTER_LINK_ID, true);
        collectLinkId();
      }
    }
  }

  /** Caller holds the lock. */
  private void noLinkEntry() {
    closeCollector();
    attempts++;
    play(IvrPrompt.NO_ENTRY, true);
    if (attempts >= LINK_ATTEMPTS) {
      sayGoodbye();
    } else {
      play(IvrPrompt.ENTER_LINK_ID, true);
      collectLinkId();
    }
  }

  /** Caller holds the lock. */
  private void sayGoodbye() {
    closeCollector();
    stage = Stage.ENDING;
    ending = Optional.of(IvrEnding.HANG_UP);
    play(IvrPrompt.GOODBYE, false);
  }

  /** Caller holds the lock. */
  private void collectLinkId() {
    closeCollector();
    linkCollector =
        Optional.of(
            DigitCollector.start(
                CaptureSpecification.of(
                    linkIds.length(), linkIds.length(), LINK_INTER_DIGIT, LINK_OVERALL),
                clock));
  }

  private void closeCollector() {
    linkCollector.ifPresent(DigitCollector::close);
    linkCollector = Optional.empty();
  }

  @Override
  public synchronized void fieldRequested(CardField field, Optional<FieldRetry> retry) {
    if (stage != Stage.LINKED) {
      return;
    }
    media.player().bargeIn();
    retry.ifPresent(
        why -> play(why == FieldRetry.NOT_VALID ? IvrPrompt.NOT_VALID : IvrPrompt.NO_ENTRY, true));
    play(IvrPrompt.askingFor(field), true);
  }

  @Override
  public synchronized void announce(IvrAnnouncement announcement) {
    if (stage == Stage.LINKED) {
      media.player().bargeIn(); // a field prompt still playing is no longer wanted
      play(IvrPrompt.of(announcement), false);
    }
  }

  @Override
  public synchronized void end(IvrEnding how) {
    if (stage != Stage.LINKED && stage != Stage.LINKING) {
      return;
    }
    closeCollector();
    media.player().bargeIn();
    stage = Stage.ENDING;
    IvrEnding effective =
        how == IvrEnding.TRANSFER_BACK && returnUri.isEmpty() ? IvrEnding.HANG_UP : how;
    if (how != effective) {
      LOG.info(() -> "no ivrReturnUri or agentUri: IVR call " + call.id() + " hangs up instead");
    }
    ending = Optional.of(effective);
    play(effective == IvrEnding.HANG_UP ? IvrPrompt.GOODBYE : IvrPrompt.TRANSFERRING, false);
  }

  @Override
  public void promptsDrained() {
    IvrEnding how;
    synchronized (this) {
      if (stage != Stage.ENDING || ending.isEmpty()) {
        return;
      }
      stage = Stage.DONE;
      how = ending.get();
    }
    if (how == IvrEnding.TRANSFER_BACK) {
      signalling.transfer(returnUri.orElseThrow());
    } else {
      signalling.hangUp();
    }
  }

  /** The call ended (either side): no more prompts or keys. */
  public void ended() {
    synchronized (this) {
      stage = Stage.DONE;
      closeCollector();
    }
    media.close();
  }

  private void play(IvrPrompt prompt, boolean interruptible) {
    media.player().play(prompts.samples(language, prompt), interruptible);
  }
}
