package io.tonewall.psp.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;

/** An in-process WireMock on a free port that prints nothing (its output would echo bodies). */
public final class SilentWireMock {
  private SilentWireMock() {}

  public static WireMockServer start() {
    WireMockServer server =
        new WireMockServer(
            options()
                .dynamicPort()
                .notifier(
                    new Notifier() {
                      @Override
                      public void info(String message) {}

                      @Override
                      public void error(String message) {}

                      @Override
                      public void error(String message, Throwable t) {}
                    }));
    server.start();
    return server;
  }
}
