package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A full agent payment from the console in headless Chromium, nothing mocked: the agent starts the
 * payment, a SIPp agent peer dials its pairing code on a SIPp caller's call, the page turns green,
 * the agent requests the card number and watches the dots come in over the push channel as the
 * caller keys the sandbox test card, resets the field and has it keyed again, requests expiry and
 * security code, processes, and sees the sandbox's approval. The card number must appear in no page
 * source, no WebSocket frame (Chrome's performance log) and no Faces view state.
 *
 * <p>Runs on PostgreSQL only (tag {@code database-incidental}, web-agent/pom.xml): what it adds to
 * {@link AgentAssistedPaymentIT} (which runs on both databases) is the console in a browser and its
 * push channel, not a database path.
 */
@Tag("database-incidental")
@ExtendWith(TonewallServer.class)
class ConsolePaymentIT {

  /** The sandbox's approving Visa test card. */
  private static final String CARD = "4242424242424242";

  private static final int TONEWALL_SIP = Integer.getInteger("tonewall.it.sipPort");
  private static final int AGENT_SIP = Integer.getInteger("tonewall.it.agentSipPort");
  private static final String RUN = System.getProperty("tonewall.it.database", "h2");

  private final URL base = TonewallServer.base();

  /** Every page source and view state the browser held. */
  private final List<String> seen = new ArrayList<>();

  @Test
  void agentTakesAPaymentFromTheConsole_andTheCardNumberNeverReachesTheBrowser() throws Exception {
    URI root = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    String agent = "agent-payment";
    try (ConsoleBrowser admin = new ConsoleBrowser(root, "en");
        ConsoleBrowser browser = new ConsoleBrowser(root, "en");
        SippPeers sipp = new SippPeers("console-" + RUN)) {
      // given: an agent with a payment waiting for its call
      admin.open("console/admin.xhtml");
      admin.signIn(ConsoleBrowserIT.ADMIN, ConsoleBrowserIT.ADMIN_PASSWORD);
      ConsoleBrowserIT.createAgent(admin, agent);
      browser.open("console/agent.xhtml");
      browser.signIn(agent, ConsoleBrowserIT.AGENT_PASSWORD);
      browser.open("console/agent.xhtml");
      ConsoleBrowserIT.startPayment(browser, "10.50");
      String pairingCode = browser.text("#pairingCode");
      assertThat(pairingCode, matchesPattern("[0-9]{6}"));
      Thread.sleep(1000); // the push channel opens after the page loads
      keep(browser);

      // when: the call comes in and the agent dials the code
      Process agentPeer = sipp.pairingAgent(AGENT_SIP, pairingCode);
      sipp.dtmfAudio(CARD + "#", 100, 100);
      Process caller = sipp.caller("caller_console.xml", TONEWALL_SIP);

      // then: green, without reloading the page
      wait(browser, 30).until(d -> "secure".equals(attribute(browser, "#secure", "data-state")));
      browser.screenshot("payment-secure");
      keep(browser);

      // when: the number is requested and keyed
      browser.click("#field-number button[id$='request']");
      Set<Integer> dots = new TreeSet<>();
      wait(browser, 20)
          .until(
              d -> {
                dots.add(Integer.parseInt(attribute(browser, "#dots-number", "data-digits")));
                return !d.findElements(By.cssSelector("#field-number .valid")).isEmpty();
              });
      browser.screenshot("payment-number-valid");
      keep(browser);

      // then: dots came in one by one; a green check with the brand and last four
      assertThat(
          "dots seen while keying: " + dots,
          dots.stream().anyMatch(n -> n > 0 && n < 16),
          is(true));
      String valid = browser.text("#field-number .valid");
      assertThat(valid, containsString("VISA"));
      assertThat(valid, containsString("4242"));
      assertThat(browser.text("#dots-number"), is("\u25CF".repeat(16)));

      // when: the agent resets the number and requests it again (the caller keys it once more)
      browser.click("#field-number button[id$='reset']");
      wait(browser, 10).until(d -> "0".equals(attribute(browser, "#dots-number", "data-digits")));
      browser.screenshot("payment-number-reset");
      keep(browser);
      browser.click("#field-number button[id$='request']");
      browser.until("#field-number .valid");

      // and: expiry, then security code
      browser.click("#field-expiry button[id$='request']");
      wait(browser, 20)
          .until(d -> !d.findElements(By.cssSelector("#field-expiry .valid")).isEmpty());
      browser.click("#field-securityCode button[id$='request']");
      wait(browser, 20)
          .until(d -> !d.findElements(By.cssSelector("#field-securityCode .valid")).isEmpty());
      keep(browser);

      // when: processed
      wait(browser, 10)
          .until(d -> d.findElement(By.cssSelector("button[id$='process']")).isEnabled());
      browser.click("button[id$='process']");

      // then: approved, in the call's history with masked facts only
      browser.untilText("#result", "Approved");
      browser.screenshot("payment-approved");
      keep(browser);
      assertThat(browser.text("#status"), is("Finished"));
      assertThat(browser.text("[id$='history']"), containsString("4242"));
      assertThat(SippPeers.await(caller, 90), is(0));
      assertThat(sipp.log("agent"), SippPeers.await(agentPeer, 30), is(0));

      // then: the card number is in no page, no view state and no push frame
      List<String> frames = browser.webSocketFrames();
      assertThat("push frames were recorded", frames.size(), greaterThan(10));
      assertThat(frames.toString(), containsString("field.progress"));
      for (String frame : frames) {
        assertThat("a WebSocket frame", frame, not(containsString(CARD)));
      }
      assertThat("page sources and view states kept", seen.size(), greaterThan(10));
      for (String page : seen) {
        assertThat("a page source or view state", page, not(containsString(CARD)));
      }
      assertThat(seen, hasItem(containsString("jakarta.faces.ViewState")));
    }
  }

  /** Keeps the page source and every Faces view state the page holds now. */
  private void keep(ConsoleBrowser browser) {
    seen.add(browser.driver().getPageSource());
    for (String state : browser.viewStates()) {
      seen.add("jakarta.faces.ViewState=" + state);
    }
  }

  private static String attribute(ConsoleBrowser browser, String css, String name) {
    List<WebElement> found = browser.driver().findElements(By.cssSelector(css));
    try {
      return found.isEmpty() ? "" : String.valueOf(found.get(0).getAttribute(name));
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return "";
    }
  }

  private static WebDriverWait wait(ConsoleBrowser browser, int seconds) {
    WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    wait.ignoring(NumberFormatException.class);
    return wait;
  }
}
