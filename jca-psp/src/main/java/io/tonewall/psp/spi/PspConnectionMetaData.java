package io.tonewall.psp.spi;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** Describes the payment gateway to the application server's tools. */
final class PspConnectionMetaData implements ManagedConnectionMetaData {
  @Override
  public String getEISProductName() {
    return "Tonewall PSP gateway";
  }

  @Override
  public String getEISProductVersion() {
    return "1.0";
  }

  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public String getUserName() {
    return "";
  }
}
