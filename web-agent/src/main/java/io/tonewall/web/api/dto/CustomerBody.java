package io.tonewall.web.api.dto;

/**
 * The agent fields about the payer, each optional: name (up to 100), address (up to 200), postcode
 * (up to 16) and e-mail (up to 254). Never card data.
 */
public record CustomerBody(String name, String address, String postcode, String email) {}
