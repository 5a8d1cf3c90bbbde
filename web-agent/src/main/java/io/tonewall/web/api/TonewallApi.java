package io.tonewall.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The integrator API's root: every resource lives under {@code /api}. */
@ApplicationPath("/api")
public class TonewallApi extends Application {}
