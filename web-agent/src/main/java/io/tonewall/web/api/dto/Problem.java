package io.tonewall.web.api.dto;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time (never card data)
 */
public record Problem(String type, String title, int status, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
