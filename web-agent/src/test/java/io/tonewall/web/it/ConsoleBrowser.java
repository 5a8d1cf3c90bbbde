package io.tonewall.web.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver (no driver download), in one
 * language, with Chrome's performance log on so that WebSocket frames can be read back. Screenshots
 * go to {@code target/screenshots/<database>/}.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final ChromeDriver driver;
  private final URI root;
  private final List<String> frames = new ArrayList<>();

  ConsoleBrowser(URI root, String language) throws IOException {
    this.root = root;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1600",
        "--lang=" + language,
        "--user-data-dir=" + Files.createTempDirectory("tonewall-chromium"));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(root.resolve(path).toString());
  }

  WebElement find(String css) {
    return until(css);
  }

  WebElement until(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** The element's text once it is shown, read again when a pushed refresh replaced it. */
  String text(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(
            d -> {
              WebElement element = d.findElement(By.cssSelector(css));
              return element.isDisplayed() ? element.getText() : null;
            });
  }

  /** An attribute of the element, read again when a pushed refresh replaced it. */
  String attribute(String css, String name) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(d -> String.valueOf(d.findElement(By.cssSelector(css)).getAttribute(name)));
  }

  /** The values of every Faces view state the page holds, read again after a refresh. */
  List<String> viewStates() {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector("input[name='jakarta.faces.ViewState']")).stream()
                    .map(state -> state.getAttribute("value"))
                    .toList());
  }

  void untilText(String css, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  void type(String css, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement field = until(css);
              field.clear();
              field.sendKeys(text);
              return true;
            });
  }

  void click(String css) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              try {
                ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d).click();
                return true;
              } catch (WebDriverException e) {
                // Chrome's way of saying stale while a navigation replaces the document
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                  return false;
                }
                throw e;
              }
            });
  }

  /** Signs in from wherever the browser is sent (the sign-in page). */
  /**
   * Submits the sign-in form and waits until the answer replaced the page (the next page, or the
   * form again after a refusal), so that the next navigation carries the signed-in session. The
   * wait covers the growing delay after failed attempts.
   */
  void signIn(String user, String password) {
    type("#userName", user);
    type("#password", password);
    WebElement submit = find("#submit");
    submit.click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(submit));
  }

  /** The WebSocket frames received so far (Chrome's performance log), drained into a list. */
  List<String> webSocketFrames() {
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      String message = entry.getMessage();
      if (message.contains("Network.webSocketFrameReceived")
          || message.contains("Network.webSocketFrameSent")) {
        frames.add(message);
      }
    }
    return List.copyOf(frames);
  }

  /** Saves a screenshot as a test artefact; returns its path. */
  Path screenshot(String name) throws IOException {
    Path directory =
        Path.of("target", "screenshots", System.getProperty("tonewall.it.database", "h2"));
    Files.createDirectories(directory);
    Path target = directory.resolve(name + ".png");
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
