package io.tonewall.telephony.ivr;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The IVR of a node: its number, prompts, link ids, media thread and where callers are transferred
 * to and back. Built once at start.
 *
 * @param number the request-URI user that reaches the IVR
 * @param transferNumber what callers are transferred to (shown to integrators)
 * @param returnUri where {@code TRANSFER_BACK} refers the caller; empty: hang up instead
 * @param prompts the prompts by language
 * @param linkIds the outstanding link ids
 * @param media the IVR media thread
 * @param mediaTimeout a call from which nothing arrives this long (not on hold) is hung up
 */
public record Ivr(
    String number,
    String transferNumber,
    Optional<URI> returnUri,
    PromptLibrary prompts,
    LinkIds linkIds,
    IvrMediaLoop media,
    Duration mediaTimeout) {

  /** Languages with every prompt. */
  public Set<String> languages() {
    return prompts.languages();
  }

  /** The language spoken before a call is linked: English if present, else the first. */
  public String defaultLanguage() {
    return prompts.speaks("en") ? "en" : prompts.languages().iterator().next();
  }
}
