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
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
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
    return retrying(
        d -> {
          WebElement element = d.findElement(By.cssSelector(css));
          return element.isDisplayed() ? element.getText() : null;
        });
  }

  /** An attribute of the element, read again when a pushed refresh replaced it. */
  String attribute(String css, String name) {
    return retrying(d -> String.valueOf(d.findElement(By.cssSelector(css)).getAttribute(name)));
  }

  /** The values of every Faces view state the page holds, read again after a refresh. */
  List<String> viewStates() {
    return retrying(
        d ->
            d.findElements(By.cssSelector("input[name='jakarta.faces.ViewState']")).stream()
                .map(state -> state.getAttribute("value"))
                .toList());
  }

  void untilText(String css, String text) {
    retrying(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  void type(String css, String text) {
    retrying(
        d -> {
          WebElement field = until(css);
          field.clear();
          field.sendKeys(text);
          return true;
        });
  }

  void click(String css) {
    retrying(
        d -> {
          ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d).click();
          return true;
        });
  }

  /**
   * Applies {@code step} until it gives a value other than null or false, for up to 20 s, starting
   * again whenever a pushed refresh or a navigation replaced the element it was using (however
   * Chrome reports that: see {@link #isDetached}).
   */
  private <T> T retrying(Function<WebDriver, T> step) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(
            d -> {
              try {
                return step.apply(d);
              } catch (StaleElementReferenceException | NoSuchElementException e) {
                throw e;
              } catch (WebDriverException e) {
                if (isReplacedNode(e)) {
                  return null;
                }
                throw e;
              }
            });
  }

  /**
   * Signs in from wherever the browser is sent (the sign-in page): submits the form and waits until
   * the answer replaced the page (the next page, or the form again after a refusal), so that the
   * next navigation carries the signed-in session. The wait covers the growing delay after failed
   * attempts.
   */
  void signIn(String user, String password) {
    type("#userName", user);
    type("#password", password);
    WebElement submit = find("#submit");
    submit.click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> isDetached(submit));
  }

  /**
   * Whether {@code element} no longer belongs to the page. Chrome reports a node that a navigation
   * has just replaced either as a stale reference or, while the new document is being attached, as
   * an "unknown error" saying the node "does not belong to the document"; both mean it is gone. Any
   * other driver error propagates.
   */
  static boolean isDetached(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (isReplacedNode(e)) {
        return true;
      }
      throw e;
    }
  }

  private static boolean isReplacedNode(WebDriverException e) {
    return String.valueOf(e.getMessage()).contains("does not belong to the document");
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
