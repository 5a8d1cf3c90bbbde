package io.tonewall.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** The page's language (chosen by Faces from the browser's Accept-Language), for {@code lang}. */
@Named
@RequestScoped
public class LanguageView {

  public String getTag() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale().toLanguageTag();
  }
}
