package io.tonewall.web.api;

/**
 * The {@code page} and {@code size} query values of a list, read as text and checked here: a
 * refusal says which range is allowed and never repeats what was sent (a caller may send anything,
 * a card number too).
 *
 * @param page zero-based page number
 * @param size items per page
 */
public record PageQuery(int page, int size) {

  /** The highest page number a list accepts. */
  public static final int MAX_PAGE = 100_000;

  /**
   * Reads the query values.
   *
   * @param page the {@code page} value, or null for the first page
   * @param size the {@code size} value, or null for {@code defaultSize}
   * @param defaultSize the size when none is given
   * @param maxSize the largest size accepted
   * @throws InvalidRequestException when a value is not a whole number in its range
   */
  public static PageQuery of(String page, String size, int defaultSize, int maxSize) {
    return new PageQuery(
        number("page", page, 0, 0, MAX_PAGE), number("size", size, defaultSize, 1, maxSize));
  }

  /** How many items come before this page. */
  public int offset() {
    return page * size;
  }

  private static int number(String name, String value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    String text = value.strip();
    if (!text.matches("[0-9]{1,9}")
        || Integer.parseInt(text) < min
        || Integer.parseInt(text) > max) {
      throw new InvalidRequestException(
          name + " must be a whole number from " + min + " to " + max);
    }
    return Integer.parseInt(text);
  }
}
