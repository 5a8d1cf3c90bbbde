package io.tonewall.web.api.dto;

/**
 * Body of {@code POST /api/v1/calls/{callReference}/transfers}.
 *
 * @param to the reference of the call it was transferred to
 */
public record TransferBody(String to) {}
