package io.tonewall.session.infrastructure.keys;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSigningKeyTest {

  @TempDir Path directory;

  @Test
  void createsAnOwnerOnlyKeyFile_onFirstUse() throws Exception {
    // when
    TokenSigningKey key = TokenSigningKey.in(directory);

    // then
    Path file = directory.resolve(TokenSigningKey.FILE_NAME);
    assertThat(Files.exists(file), is(true));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), is("rw-------"));
    assertThat(key.publicKeyPem(), startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertThat(key.publicKey().getModulus().bitLength(), is(2048));
  }

  @Test
  void signsWithAKeyItsPublicHalfVerifies() throws Exception {
    // given
    TokenSigningKey key = TokenSigningKey.in(directory);
    byte[] message = "header.payload".getBytes();

    // when
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key.privateKey());
    signer.update(message);
    byte[] signature = signer.sign();

    // then
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(key.publicKey());
    verifier.update(message);
    assertThat(verifier.verify(signature), is(true));
  }

  @Test
  void keepsTheSameKey_acrossRestarts() throws Exception {
    // given
    TokenSigningKey first = TokenSigningKey.in(directory);
    String pem = Files.readString(directory.resolve(TokenSigningKey.FILE_NAME));
    Path copy = Files.createDirectory(directory.resolve("restarted"));
    Files.writeString(copy.resolve(TokenSigningKey.FILE_NAME), pem);

    // when: a fresh read of the same file, as after a restart
    TokenSigningKey again = TokenSigningKey.in(copy);

    // then
    assertThat(again.keyId(), is(first.keyId()));
    assertThat(again.publicKeyPem(), is(first.publicKeyPem()));
  }
}
