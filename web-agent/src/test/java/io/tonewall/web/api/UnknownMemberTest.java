package io.tonewall.web.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnknownMemberTest {

  @Test
  void namesTheUnknownMember_foundUnderTheProvidersWrapping() {
    // given: what Jersey's JSON-B provider throws around Yasson's refusal
    ProcessingException thrown =
        new ProcessingException(
            "Error deserializing object from entity stream.",
            new JsonbException(
                "Json property ammount can not be mapped to a class class"
                    + " io.tonewall.web.api.dto.CreateSessionRequest."));

    // when
    Optional<String> detail = UnknownMember.detail(thrown);

    // then
    assertThat(
        detail,
        is(Optional.of("the body has a member \"ammount\", which this resource does not take")));
  }

  @Test
  void neverRepeatsANameThatHoldsACardNumber_orIsNotAName() {
    assertThat(
        UnknownMember.detail(
            new JsonbException("Json property x4242424242424242 can not be mapped to a class X.")),
        is(Optional.of("the body has a member this resource does not take")));
    assertThat(
        UnknownMember.detail(
            new JsonbException("Json property 4242424242424242 can not be mapped to a class X.")),
        is(Optional.of("the body has a member this resource does not take")));
    assertThat(
        UnknownMember.detail(new JsonbException("Unexpected char 4242 at (line no=1)")),
        is(Optional.empty()));
  }
}
