package io.tonewall.telephony.spi;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The IVR's five settings, checked; problems are added to the caller's list so that every invalid
 * setting of the adapter is reported at once.
 */
record IvrSettings(
    String number,
    Optional<String> transferNumber,
    Optional<URI> returnUri,
    int linkIdLength,
    Optional<Path> promptDirectory) {

  /** RFC 3261 user characters a dialled number uses: unreserved and a few user-unreserved. */
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.!~*'()+-]{1,64}");

  private static final Pattern TRANSFER = Pattern.compile("[\\x21-\\x7E]{1,256}");

  static IvrSettings parse(
      String numberText,
      String transferText,
      String returnUriText,
      String linkIdLengthText,
      String promptDirectoryText,
      List<String> problems) {
    String number =
        numberText == null || numberText.isBlank()
            ? TelephonySettings.DEFAULT_IVR_NUMBER
            : numberText.trim();
    if (!USER.matcher(number).matches()) {
      problems.add(
          "ivrNumber '"
              + number
              + "' is not a SIP user part (letters, digits and -_.!~*'()+, at most 64)");
    }
    Optional<String> transfer = Optional.empty();
    if (transferText != null && !transferText.isBlank()) {
      String value = transferText.trim();
      if (TRANSFER.matcher(value).matches()) {
        transfer = Optional.of(value);
      } else {
        problems.add(
            "ivrTransferNumber '"
                + value
                + "' must be a number or URI without spaces, at most 256 characters");
      }
    }
    Optional<URI> returnUri = Optional.empty();
    if (returnUriText != null && !returnUriText.isBlank()) {
      try {
        URI uri = URI.create(returnUriText.trim());
        if ("sip".equalsIgnoreCase(uri.getScheme())
            || "sips".equalsIgnoreCase(uri.getScheme())
            || "tel".equalsIgnoreCase(uri.getScheme())) {
          returnUri = Optional.of(uri);
        } else {
          problems.add(
              "ivrReturnUri '" + returnUriText.trim() + "' is not a sip:, sips: or tel: URI");
        }
      } catch (IllegalArgumentException e) {
        problems.add("ivrReturnUri '" + returnUriText.trim() + "' is not a URI: " + e.getMessage());
      }
    }
    Integer length = TelephonySettings.number("ivrLinkIdLength", linkIdLengthText, problems);
    int linkIdLength = length == null ? TelephonySettings.DEFAULT_IVR_LINK_ID_LENGTH : length;
    if (linkIdLength < 4 || linkIdLength > 12) {
      problems.add("ivrLinkIdLength " + linkIdLength + " is outside 4-12");
    }
    Optional<Path> directory = Optional.empty();
    if (promptDirectoryText != null && !promptDirectoryText.isBlank()) {
      try {
        Path path = Path.of(promptDirectoryText.trim());
        if (Files.isDirectory(path)) {
          directory = Optional.of(path);
        } else {
          problems.add("ivrPromptDirectory '" + promptDirectoryText.trim() + "' is not a folder");
        }
      } catch (InvalidPathException e) {
        problems.add("ivrPromptDirectory '" + promptDirectoryText.trim() + "' is not a path");
      }
    }
    return new IvrSettings(number, transfer, returnUri, linkIdLength, directory);
  }
}
