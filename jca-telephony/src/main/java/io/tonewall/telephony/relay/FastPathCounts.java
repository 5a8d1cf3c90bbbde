package io.tonewall.telephony.relay;

/**
 * What the fast path did with one socket's datagrams since the last report.
 *
 * @param received datagrams it read
 * @param forwarded datagrams it sent on to the other leg
 * @param dropped datagrams it could not send (the other party's port closed, a full buffer)
 */
record FastPathCounts(long received, long forwarded, long dropped) {

  boolean any() {
    return received != 0 || forwarded != 0 || dropped != 0;
  }
}
