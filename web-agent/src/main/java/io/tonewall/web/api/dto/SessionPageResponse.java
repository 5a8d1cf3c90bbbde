package io.tonewall.web.api.dto;

import io.tonewall.session.application.SessionPage;
import java.util.List;
import java.util.Map;

/** One page of sessions, newest first, with links to the neighbouring pages. */
public record SessionPageResponse(
    List<SessionResponse> items, int page, int size, long total, Map<String, String> links) {

  public static SessionPageResponse of(SessionPage page, String base, Map<String, String> links) {
    return new SessionPageResponse(
        page.items().stream().map(view -> SessionResponse.of(view, base)).toList(),
        page.page(),
        page.size(),
        page.total(),
        links);
  }
}
