package io.tonewall.psp.spi;

import java.util.Arrays;
import java.util.HexFormat;
import javax.transaction.xa.Xid;

/** A transaction branch id compared by content, whatever {@link Xid} class the manager used. */
final class BranchId implements Xid {
  private static final HexFormat HEX = HexFormat.of();

  private final int formatId;
  private final byte[] globalTransactionId;
  private final byte[] branchQualifier;

  private BranchId(int formatId, byte[] globalTransactionId, byte[] branchQualifier) {
    this.formatId = formatId;
    this.globalTransactionId = globalTransactionId;
    this.branchQualifier = branchQualifier;
  }

  static BranchId of(Xid xid) {
    return xid instanceof BranchId id
        ? id
        : new BranchId(
            xid.getFormatId(),
            xid.getGlobalTransactionId().clone(),
            xid.getBranchQualifier().clone());
  }

  /**
   * Parses the form written by {@link #toString()}.
   *
   * @throws IllegalArgumentException if malformed
   */
  static BranchId parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a branch id");
    }
    return new BranchId(Integer.parseInt(parts[0]), HEX.parseHex(parts[1]), HEX.parseHex(parts[2]));
  }

  @Override
  public int getFormatId() {
    return formatId;
  }

  @Override
  public byte[] getGlobalTransactionId() {
    return globalTransactionId.clone();
  }

  @Override
  public byte[] getBranchQualifier() {
    return branchQualifier.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BranchId id
        && id.formatId == formatId
        && Arrays.equals(id.globalTransactionId, globalTransactionId)
        && Arrays.equals(id.branchQualifier, branchQualifier);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * formatId + Arrays.hashCode(globalTransactionId))
        + Arrays.hashCode(branchQualifier);
  }

  /** {@code formatId:gtridHex:bqualHex}. */
  @Override
  public String toString() {
    return formatId
        + ":"
        + HEX.formatHex(globalTransactionId)
        + ":"
        + HEX.formatHex(branchQualifier);
  }
}
