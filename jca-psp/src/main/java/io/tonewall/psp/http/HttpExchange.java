package io.tonewall.psp.http;

/**
 * How one HTTP exchange with a provider ended, classified by what it means for money: answered (the
 * provider's status and body decide), not sent (certainly not charged: FAILED) or lost after
 * sending (may have been charged: UNKNOWN).
 */
public sealed interface HttpExchange {

  /** The provider answered. */
  record Answered(int status, String body) implements HttpExchange {
    public boolean isSuccess() {
      return status >= 200 && status < 300;
    }

    public boolean isServerError() {
      return status >= 500;
    }

    @Override
    public String toString() {
      return "Answered[" + status + ", " + body.length() + " chars]";
    }
  }

  /** The request never reached the provider (connection refused, connect time-out, bad host). */
  record NotSent(String reason) implements HttpExchange {}

  /** The request may have reached the provider but no answer came (read time-out, reset). */
  record Lost(String reason) implements HttpExchange {}
}
