package io.tonewall.session.application;

import java.io.Serializable;
import java.util.List;

/**
 * One page of sessions, newest first.
 *
 * @param items the sessions on this page (without their transactions)
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many sessions match in all
 */
public record SessionPage(List<SessionView> items, int page, int size, long total)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** True when a page follows this one. */
  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}
