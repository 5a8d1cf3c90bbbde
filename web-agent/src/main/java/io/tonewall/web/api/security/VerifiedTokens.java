package io.tonewall.web.api.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature, issuer and audience already verified, with their caller and expiry: a
 * client presents the same token on every call until it expires, and checking its RSA signature and
 * parsing its JSON again each time cost more than the rest of authentication. Keyed by the whole
 * compact token, so a token that differs in any character (signature included) is verified afresh.
 * Bounded: when full, expired tokens are dropped, and if that is not enough, all of them.
 */
final class VerifiedTokens {

  private final Map<String, Verified> tokens = new ConcurrentHashMap<>();
  private final int capacity;

  VerifiedTokens(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** The caller of a token verified before that has not expired at {@code nowEpochSecond}. */
  Optional<TokenCaller> find(String token, long nowEpochSecond) {
    Verified verified = tokens.get(token);
    if (verified == null) {
      return Optional.empty();
    }
    if (nowEpochSecond >= verified.expiresAtEpochSecond()) {
      tokens.remove(token, verified);
      return Optional.empty();
    }
    return Optional.of(verified.caller());
  }

  /** Remembers a token that has just verified, until {@code expiresAtEpochSecond}. */
  void remember(String token, TokenCaller caller, long expiresAtEpochSecond, long nowEpochSecond) {
    if (tokens.size() >= capacity) {
      tokens.values().removeIf(verified -> nowEpochSecond >= verified.expiresAtEpochSecond());
      if (tokens.size() >= capacity) {
        tokens.clear();
      }
    }
    tokens.put(token, new Verified(caller, expiresAtEpochSecond));
  }

  int size() {
    return tokens.size();
  }

  private record Verified(TokenCaller caller, long expiresAtEpochSecond) {}
}
