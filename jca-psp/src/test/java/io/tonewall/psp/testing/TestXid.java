package io.tonewall.psp.testing;

import java.nio.charset.StandardCharsets;
import javax.transaction.xa.Xid;

/** A transaction branch id as a transaction manager would make one. */
public record TestXid(String global, String branch) implements Xid {
  @Override
  public int getFormatId() {
    return 4660;
  }

  @Override
  public byte[] getGlobalTransactionId() {
    return global.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public byte[] getBranchQualifier() {
    return branch.getBytes(StandardCharsets.US_ASCII);
  }
}
