package io.tonewall.web.console;

import io.tonewall.web.console.security.ConsoleAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sign-in form. A wrong name or password gets one generic message (the identity store has
 * already waited as long as repeated failures demand); a success starts a fresh HTTP session id and
 * goes to the console's start page.
 */
@Named
@RequestScoped
public class SignInView {

  @Inject private SecurityContext security;

  @Inject private PageMessages messages;

  private String userName;
  private String password;

  public void signIn() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    char[] secret = password == null ? new char[0] : password.toCharArray();
    password = null;
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(userName, new Password(secret))));
    if (status == AuthenticationStatus.SUCCESS) {
      request.changeSessionId();
      external.redirect(external.getRequestContextPath() + "/console/index.xhtml");
    } else if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
    } else {
      messages.error("signin.failed");
    }
  }

  /** True when the page was reached from a protected page after the HTTP session ended. */
  public boolean isExpired() {
    return "true"
        .equals(
            FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("expired"));
  }

  /** The page's own address, for the form. */
  public String getPage() {
    return ConsoleAuthenticationMechanism.SIGN_IN_PAGE;
  }

  public String getUserName() {
    return userName;
  }

  public void setUserName(String userName) {
    this.userName = userName;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
