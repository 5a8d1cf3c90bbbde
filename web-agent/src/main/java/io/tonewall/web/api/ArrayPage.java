package io.tonewall.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * One page of a list answered as a JSON array, with RFC 8288 {@code Link} headers to the next page
 * (when there is one) and the previous one. The list is read with one item more than the page
 * holds, which tells whether a next page exists without counting.
 */
public final class ArrayPage {

  private ArrayPage() {}

  /**
   * The answer for a page.
   *
   * @param fetched up to {@code query.size() + 1} items from the page's offset
   * @param query the page asked for
   * @param uri the request, whose URL the links repeat with another page number
   */
  public static <T> Response of(List<T> fetched, PageQuery query, UriInfo uri) {
    boolean hasNext = fetched.size() > query.size();
    List<T> items = hasNext ? List.copyOf(fetched.subList(0, query.size())) : fetched;
    Response.ResponseBuilder answer = Response.ok(items);
    if (hasNext) {
      answer.link(page(uri, query.page() + 1, query.size()), "next");
    }
    if (query.page() > 0) {
      answer.link(page(uri, query.page() - 1, query.size()), "prev");
    }
    return answer.build();
  }

  /** How many items to read for a page: one more than it holds. */
  public static int fetchSize(PageQuery query) {
    return query.size() + 1;
  }

  private static URI page(UriInfo uri, int page, int size) {
    return uri.getRequestUriBuilder()
        .replaceQueryParam("page", page)
        .replaceQueryParam("size", size)
        .build();
  }
}
