package io.tonewall.web.console;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text of the console exists in English, French and Japanese (each file on its own). */
class ConsoleBundlesTest {

  @Test
  void everyLanguageHasEveryKey_inItsOwnWords() throws IOException {
    Properties english = load("messages_en");
    assertThat(english.size(), greaterThan(100));
    assertThat(load("messages").keySet(), is(english.keySet()));
    for (String language : new String[] {"messages_fr", "messages_ja"}) {
      Properties translated = load(language);
      Set<Object> missing = new TreeSet<>(english.keySet());
      missing.removeAll(translated.keySet());
      assertThat(language + " lacks", missing, is(Set.of()));
      assertThat(
          translated.getProperty("signin.failed"), not(english.getProperty("signin.failed")));
    }
    assertThat(load("messages_ja").getProperty("signin.title"), is("サインイン"));
  }

  private static Properties load(String name) throws IOException {
    String path = PageMessages.BUNDLE.replace('.', '/').replace("messages", name) + ".properties";
    Properties properties = new Properties();
    try (InputStream in = ConsoleBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
