package io.tonewall.web.console.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who signed in to the console, kept in the HTTP session so that each later request of that session
 * runs as them.
 *
 * @param name the user name
 * @param groups the user's roles
 */
record SignedInCaller(String name, Set<String> groups) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The HTTP session attribute. */
  static final String ATTRIBUTE = SignedInCaller.class.getName();

  SignedInCaller {
    groups = Set.copyOf(groups);
  }
}
