package io.tonewall.web.console;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Messages shown at the top of a console page: texts from the {@code messages} bundle in the view's
 * language, and refusals of the application layer. Domain refusals are written for people and never
 * carry card data, so they are shown as they are; anything else is logged and shown as a generic
 * failure.
 */
@RequestScoped
public class PageMessages {

  private static final Logger LOG = Logger.getLogger(PageMessages.class.getName());
  static final String BUNDLE = "io.tonewall.web.console.messages";

  /** The text of a key in the view's language. */
  public String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      return ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale()).getString(key);
    } catch (MissingResourceException e) {
      LOG.log(Level.WARNING, "console text missing: " + key, e);
      return key;
    }
  }

  /** The text of a key in the view's language, or {@code fallback} when the bundle has none. */
  public String textOr(String key, String fallback) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale());
    return bundle.containsKey(key) ? bundle.getString(key) : fallback;
  }

  public void info(String key) {
    add(FacesMessage.SEVERITY_INFO, text(key));
  }

  public void error(String key) {
    add(FacesMessage.SEVERITY_ERROR, text(key));
  }

  /** Shows why the application layer refused an action. */
  public void refused(RuntimeException thrown) {
    Throwable cause = thrown;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof IllegalArgumentException
        || cause.getClass().getName().startsWith("io.tonewall.session.")) {
      add(FacesMessage.SEVERITY_ERROR, text("error.refused") + " " + cause.getMessage());
    } else {
      LOG.log(Level.WARNING, "console action failed", thrown);
      add(FacesMessage.SEVERITY_ERROR, text("error.unexpected"));
    }
  }

  private static void add(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
