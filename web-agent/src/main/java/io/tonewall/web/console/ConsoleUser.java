package io.tonewall.web.console;

import io.tonewall.session.console.ConsoleRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The signed-in console user: name, roles, and signing out. */
@Named
@RequestScoped
public class ConsoleUser {

  @Inject private SecurityContext security;

  /** The user's name; empty when nobody is signed in. */
  public String getName() {
    return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
  }

  public boolean isAgent() {
    return security.isCallerInRole(ConsoleRole.AGENT.roleName());
  }

  public boolean isSupervisor() {
    return security.isCallerInRole(ConsoleRole.SUPERVISOR.roleName());
  }

  public boolean isAdministrator() {
    return security.isCallerInRole(ConsoleRole.ADMINISTRATOR.roleName());
  }

  /** Signs out: ends the HTTP session (the payment session, if any, goes on). */
  public void signOut() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/console/signin.xhtml");
  }
}
