package io.tonewall.session.console;

import java.util.Locale;

/** What a console user may do; the role names are those of Jakarta Security. */
public enum ConsoleRole {
  /** Takes payments on calls. */
  AGENT,
  /** Watches every live session. */
  SUPERVISOR,
  /** Manages PSP configurations, API clients and console users. */
  ADMINISTRATOR;

  /** The role's name as Jakarta Security sees it: {@code agent}, {@code supervisor}, ... */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role of a name.
   *
   * @throws IllegalArgumentException naming the accepted roles
   */
  public static ConsoleRole of(String roleName) {
    for (ConsoleRole role : values()) {
      if (role.roleName().equals(roleName)) {
        return role;
      }
    }
    throw new IllegalArgumentException("role must be agent, supervisor or administrator");
  }
}
