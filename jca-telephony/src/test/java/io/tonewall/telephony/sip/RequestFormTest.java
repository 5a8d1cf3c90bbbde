package io.tonewall.telephony.sip;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestFormTest {

  private static final String HEADERS =
      "Via: SIP/2.0/UDP host.example.com;branch=z9hG4bK1\r\n"
          + "Max-Forwards: 70\r\n"
          + "From: \"A. Bell\" <sip:a@example.com>;tag=1\r\n"
          + "To: <sip:b@example.com>\r\n"
          + "Call-ID: form-1\r\n"
          + "CSeq: 1 OPTIONS\r\n";

  /** CSV sources carry line breaks as the two characters \\r\\n. */
  private static String lines(String csv) {
    return csv == null ? "" : csv.replace("\\r\\n", "\r\n");
  }

  private static Optional<FormDefect> check(String requestLine, String extraHeaders) {
    String message = requestLine + "\r\n" + HEADERS + extraHeaders + "Content-Length: 0\r\n\r\n";
    return RequestForm.check(message.getBytes(StandardCharsets.ISO_8859_1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "OPTIONS sip:b@example.com SIP/7.0||505",
        "OPTIONS  sip:b@example.com  SIP/2.0||400",
        "'OPTIONS sip:b@example.com SIP/2.0  '||400",
        "OPTIONS sip:b@example.com SIP/2.0|CSeq: 2 OPTIONS\\r\\n|400",
        "OPTIONS sip:b@example.com SIP/2.0|l: 5\\r\\n|400",
        "OPTIONS sip:b@example.com SIP/2.0|t: <sip:c@example.com>\\r\\n|400",
        "OPTIONS sip:b@example.com SIP/2.0|Contact: < sip:c@example.com >\\r\\n|400",
        "OPTIONS sip:b@example.com SIP/2.0|Contact: sip:c@example.com?Route=%3Csip:x%3E\\r\\n|400",
        "OPTIONS sip:b@example.com SIP/2.0|Reply-To: Watson, Thomas <sip:c@example.com>\\r\\n|",
      })
  void findsTheFormDefect(String requestLine, String extraHeaders, Integer status) {
    // when
    Optional<FormDefect> defect = check(requestLine, lines(extraHeaders));

    // then
    assertThat(defect.map(FormDefect::status), is(Optional.ofNullable(status)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "From: Bell, Alexander <sip:a@example.com>;tag=1|400",
        "From: \"Bell, Alexander\" <sip:a@example.com>;tag=1|",
        "From: \"J Rosenberg \\\\\\\"\"   <sip:a@example.com> ;\\r\\n  tag = 98asjd8|",
        "From: caller<sip:a@example.com>;tag=1|",
        "f: sip:a@example.com;tag=1|",
      })
  void checksTheDisplayNameOfFrom(String from, Integer status) {
    // given
    String message =
        "OPTIONS sip:b@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP host.example.com;branch=z9hG4bK1\r\n"
            + lines(from)
            + "\r\nTo: <sip:b@example.com>\r\nCall-ID: form-2\r\nCSeq: 1 OPTIONS\r\n"
            + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    // when
    Optional<FormDefect> defect = RequestForm.check(message.getBytes(StandardCharsets.ISO_8859_1));

    // then
    assertThat(defect.map(FormDefect::status), is(Optional.ofNullable(status)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SIP/2.0 200 OK\\r\\nCSeq: 1 OPTIONS\\r\\nCSeq: 2 OPTIONS\\r\\n\\r\\n",
        "\\r\\n\\r\\nOPTIONS sip:b@example.com SIP/2.0\\r\\nCSeq: 1 OPTIONS\\r\\n\\r\\nCSeq: 2\\r\\n",
      })
  void ignoresResponses_leadingLineBreaks_andBodies(String message) {
    // when
    Optional<FormDefect> defect =
        RequestForm.check(lines(message).getBytes(StandardCharsets.ISO_8859_1));

    // then
    assertThat(defect, is(Optional.empty()));
  }
}
