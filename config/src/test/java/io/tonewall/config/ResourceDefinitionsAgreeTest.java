package io.tonewall.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The post-boot commands (Payara Micro) and glassfish-resources.xml (the EAR) are written by hand
 * in two syntaxes; this test reads both and fails when a pool, resource, adapter, connection
 * definition or transaction level differs.
 */
class ResourceDefinitionsAgreeTest {

  private static final Path POSTBOOT = Path.of("payara", "postboot.asadmin");
  private static final Path FRAGMENT =
      Path.of("src", "main", "resources", "META-INF", "web-fragment.xml");
  private static final Path RESOURCES =
      Path.of("payara", "ear", "META-INF", "glassfish-resources.xml");

  @Test
  void bothFilesDefineTheSameConnectorResources() throws Exception {
    // given
    // The database is the server's default data source in both: only Micro defines its pool.
    Set<String> micro = fromPostBoot(Files.readAllLines(POSTBOOT, StandardCharsets.UTF_8));
    micro.removeIf(fact -> fact.startsWith("jdbc-"));
    Set<String> ear = fromGlassfishResources(RESOURCES);

    // then
    assertThat(micro, not(empty()));
    assertThat(ear, equalTo(micro));
  }

  @Test
  void microMapsEveryApplicationNameToItsGlobalResource() throws Exception {
    // given
    Set<String> resources = new TreeSet<>();
    for (String fact : fromPostBoot(Files.readAllLines(POSTBOOT, StandardCharsets.UTF_8))) {
      if (fact.startsWith("connector-resource ")) {
        resources.add(fact.split(" ")[1]);
      }
    }
    Set<String> mapped = new TreeSet<>();
    for (Element ref : elements(parse(FRAGMENT), "resource-ref")) {
      String name = text(ref, "res-ref-name");
      String lookup = text(ref, "lookup-name");
      assertThat(name, equalTo("java:app/" + lookup));
      mapped.add(lookup);
    }

    // then
    assertThat(mapped, equalTo(resources));
  }

  @Test
  void microPointsTheDefaultDataSourceAtTonewallsPool() throws Exception {
    // given
    List<String> lines = Files.readAllLines(POSTBOOT, StandardCharsets.UTF_8);

    // then
    assertThat(
        lines.contains("set resources.jdbc-resource.jdbc/__default.pool-name=TonewallPool"),
        equalTo(true));
    assertThat(fromPostBoot(lines).contains("jdbc-pool TonewallPool"), equalTo(true));
  }

  @Test
  void detectsDrift_whenAJndiNameDiffers() throws Exception {
    // given
    List<String> lines = new ArrayList<>(Files.readAllLines(POSTBOOT, StandardCharsets.UTF_8));
    lines.replaceAll(line -> line.replace("eis/tonewall/telephony", "eis/tonewall/other"));

    // then
    assertThat(fromPostBoot(lines), not(equalTo(fromGlassfishResources(RESOURCES))));
  }

  static Set<String> fromPostBoot(List<String> lines) {
    Set<String> facts = new TreeSet<>();
    for (String line : lines) {
      String command = line.strip();
      if (command.isEmpty() || command.startsWith("#")) {
        continue;
      }
      String[] words = command.split("\\s+");
      String operand = words[words.length - 1];
      switch (words[0]) {
        case "create-connector-connection-pool" -> {
          facts.add("connector-pool " + operand);
          facts.add("connector-pool " + operand + " adapter " + option(command, "raname"));
          facts.add(
              "connector-pool "
                  + operand
                  + " definition "
                  + option(command, "connectiondefinition"));
          facts.add(
              "connector-pool "
                  + operand
                  + " transactions "
                  + option(command, "transactionsupport"));
        }
        case "create-connector-resource" ->
            facts.add("connector-resource " + operand + " pool " + option(command, "poolname"));
        case "create-jdbc-connection-pool" -> facts.add("jdbc-pool " + operand);
        case "deploy" -> facts.add("adapter " + option(command, "name"));
        default -> {
          // other commands define nothing the EAR must mirror
        }
      }
    }
    return facts;
  }

  static Set<String> fromGlassfishResources(Path file) throws Exception {
    Document document = parse(file);
    Set<String> facts = new TreeSet<>();
    for (Element pool : elements(document, "connector-connection-pool")) {
      String name = pool.getAttribute("name");
      String adapter = moduleOf(pool.getAttribute("resource-adapter-name"));
      facts.add("connector-pool " + name);
      facts.add("connector-pool " + name + " adapter " + adapter);
      facts.add(
          "connector-pool "
              + name
              + " definition "
              + pool.getAttribute("connection-definition-name"));
      facts.add(
          "connector-pool " + name + " transactions " + pool.getAttribute("transaction-support"));
      facts.add("adapter " + adapter);
    }
    for (Element resource : elements(document, "connector-resource")) {
      facts.add(
          "connector-resource "
              + resource.getAttribute("jndi-name").replaceFirst("^java:app/", "")
              + " pool "
              + resource.getAttribute("pool-name"));
    }
    return facts;
  }

  /** In the EAR an adapter is named {@code <ear>#<rar module>}; on Micro by its module alone. */
  private static String moduleOf(String adapterName) {
    int hash = adapterName.indexOf('#');
    return hash < 0 ? adapterName : adapterName.substring(hash + 1);
  }

  private static String option(String command, String name) {
    Matcher matcher = Pattern.compile("--" + name + "[ =](\\S+)").matcher(command);
    if (!matcher.find()) {
      throw new AssertionError("post-boot command lacks --" + name + ": " + command);
    }
    return matcher.group(1);
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
  }

  private static List<Element> elements(Document document, String tag) {
    NodeList nodes = document.getElementsByTagName(tag);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      result.add((Element) nodes.item(i));
    }
    return result;
  }
}
