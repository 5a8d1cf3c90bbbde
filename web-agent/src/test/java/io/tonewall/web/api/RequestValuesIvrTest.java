package io.tonewall.web.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.session.domain.AfterIvr;
import io.tonewall.session.domain.InvalidSessionInputException;
import io.tonewall.session.domain.IvrOptions;
import io.tonewall.session.domain.SessionMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IVR members of {@code POST /api/v1/sessions}: defaults, choices, refusals without echo. */
class RequestValuesIvrTest {

  @Test
  void ivrSessionWithoutOptions_getsEnglishAndHangUp() {
    // when
    Optional<IvrOptions> options = RequestValues.ivrOptions(SessionMode.IVR, null, null);

    // then
    assertThat(options, is(Optional.of(new IvrOptions("en", AfterIvr.HANG_UP))));
  }

  @Test
  void ivrSessionTakesItsLanguage_andTransferBack_inAnyCase() {
    // when
    Optional<IvrOptions> options = RequestValues.ivrOptions(SessionMode.IVR, "fr", "transfer_back");

    // then
    assertThat(options, is(Optional.of(new IvrOptions("fr", AfterIvr.TRANSFER_BACK))));
  }

  @Test
  void badAfterIvr_isRefused_namingTheChoices_withoutEchoingTheValue() {
    // when
    InvalidRequestException refused =
        assertThrows(
            InvalidRequestException.class,
            () -> RequestValues.ivrOptions(SessionMode.IVR, "en", "4242424242424242"));

    // then
    assertThat(refused.getMessage(), is("afterIvr must be one of [HANG_UP, TRANSFER_BACK]"));
  }

  @Test
  void malformedLanguage_isRefused_withoutEchoingTheValue() {
    // when
    InvalidSessionInputException refused =
        assertThrows(
            InvalidSessionInputException.class,
            () -> RequestValues.ivrOptions(SessionMode.IVR, "4111111111111111", null));

    // then
    assertThat(refused.getMessage(), containsString("language must be"));
    assertThat(refused.getMessage(), not(containsString("4111")));
  }

  @Test
  void ivrOptionsOnAnotherMode_areRefused() {
    // when
    InvalidRequestException refused =
        assertThrows(
            InvalidRequestException.class,
            () -> RequestValues.ivrOptions(SessionMode.AGENT_ASSIST, "en", null));

    // then
    assertThat(refused.getMessage(), is("language and afterIvr apply to IVR sessions only"));
    assertThat(
        RequestValues.ivrOptions(SessionMode.AGENT_ASSIST, null, null), is(Optional.empty()));
  }
}
