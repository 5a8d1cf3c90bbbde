package io.tonewall.web.console;

import io.tonewall.session.access.ApiClients;
import io.tonewall.session.application.PspConfigurations;
import io.tonewall.session.application.PspSettingsView;
import io.tonewall.session.console.ConsoleRole;
import io.tonewall.session.console.ConsoleUsers;
import io.tonewall.session.console.UserSummary;
import io.tonewall.session.domain.ApiClient;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The administrator's page: PSP configurations (offered by the PSP adapter; enabled and surcharge
 * stored by Tonewall and changed here), API clients (create; rotate a secret — a new secret is
 * shown in the answer to that one request and never again) and console users (create, change roles,
 * reset password, remove).
 */
@Named
@RequestScoped
public class AdminView {

  @EJB private ApiClients apiClients;

  @EJB private ConsoleUsers users;

  @EJB private PspConfigurations pspConfigurations;

  @Inject private PageMessages messages;

  @Inject private ConsoleUser signedIn;

  private String clientId;
  private List<String> clientScopes = new ArrayList<>(new TreeSet<>(ApiClient.ALL_SCOPES));
  private String shownSecret;
  private String shownSecretClient;

  private String userName;
  private String password;
  private List<String> roles = new ArrayList<>(List.of(ConsoleRole.AGENT.roleName()));

  private String pspId;
  private boolean pspEnabled = true;
  private Integer pspSurcharge;

  public List<PspSettingsView> getPspConfigurations() {
    return pspConfigurations.list();
  }

  /** Saves the chosen configuration's enabled flag and surcharge. */
  public void changePsp() {
    try {
      pspConfigurations.change(
          pspId, pspEnabled, pspSurcharge == null ? 0 : pspSurcharge, signedIn.getName());
      messages.info("admin.psp.changed");
    } catch (RuntimeException e) {
      messages.refused(e);
    }
  }

  public String getPspId() {
    return pspId;
  }

  public void setPspId(String pspId) {
    this.pspId = pspId;
  }

  public boolean isPspEnabled() {
    return pspEnabled;
  }

  public void setPspEnabled(boolean pspEnabled) {
    this.pspEnabled = pspEnabled;
  }

  public Integer getPspSurcharge() {
    return pspSurcharge;
  }

  public void setPspSurcharge(Integer pspSurcharge) {
    this.pspSurcharge = pspSurcharge;
  }

  public List<ApiClients.Summary> getApiClients() {
    return apiClients.list();
  }

  public String scopes(ApiClients.Summary client) {
    return String.join(" ", client.scopes());
  }

  public List<String> getAllScopes() {
    return List.copyOf(new TreeSet<>(ApiClient.ALL_SCOPES));
  }

  public void createClient() {
    try {
      shownSecret = apiClients.create(clientId, Set.copyOf(clientScopes));
      shownSecretClient = clientId;
      clientId = null;
      messages.info("admin.clients.created");
    } catch (RuntimeException e) {
      messages.refused(e);
    }
  }

  public void rotateSecret(String id) {
    try {
      shownSecret = apiClients.rotateSecret(id);
      shownSecretClient = id;
      messages.info("admin.clients.rotated");
    } catch (RuntimeException e) {
      messages.refused(e);
    }
  }

  public List<UserSummary> getUsers() {
    return users.list();
  }

  public List<String> getAllRoles() {
    return Arrays.stream(ConsoleRole.values()).map(ConsoleRole::roleName).toList();
  }

  public String roleNames(UserSummary summary) {
    return summary.roles().stream()
        .sorted()
        .map(ConsoleRole::roleName)
        .collect(Collectors.joining(", "));
  }

  public void createUser() {
    char[] secret = password == null ? new char[0] : password.toCharArray();
    password = null;
    try {
      users.create(userName, secret, roles());
      userName = null;
      messages.info("admin.users.created");
    } catch (RuntimeException e) {
      messages.refused(e);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  public void changeRoles(String name) {
    try {
      users.changeRoles(name, roles());
      messages.info("admin.users.changed");
    } catch (RuntimeException e) {
      messages.refused(e);
    }
  }

  public void removeUser(String name) {
    if (name.equals(signedIn.getName())) {
      messages.error("admin.users.notSelf");
      return;
    }
    try {
      users.delete(name);
      messages.info("admin.users.removed");
    } catch (RuntimeException e) {
      messages.refused(e);
    }
  }

  private Set<ConsoleRole> roles() {
    return roles.stream().map(ConsoleRole::of).collect(Collectors.toSet());
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public List<String> getClientScopes() {
    return clientScopes;
  }

  public void setClientScopes(List<String> clientScopes) {
    this.clientScopes = clientScopes;
  }

  /** The secret just created or rotated; null on every other request. */
  public String getShownSecret() {
    return shownSecret;
  }

  public String getShownSecretClient() {
    return shownSecretClient;
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

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }
}
