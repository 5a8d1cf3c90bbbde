/**
 * The HTTP plumbing real providers share: one {@code java.net.http} client with connect and read
 * time-outs, the classification of every way an exchange ends into answered, not sent (FAILED) or
 * lost (UNKNOWN), request bodies that hold card digits only in a wipeable byte array, lenient JSON
 * reading, and redaction of provider texts.
 */
package io.tonewall.psp.http;
