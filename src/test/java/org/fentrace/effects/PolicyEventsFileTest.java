package org.fentrace.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The events file: primary sources required, errors name the line, the shipped file covers the
 * measures asked for.
 */
class PolicyEventsFileTest {
  static final String HEADER = "id,date,label,description,source_url,primary_citation\n";

  static List<PolicyEvent> parse(String csv) throws IOException {
    return PolicyEventsFile.parse(
        "test.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aNewsSiteIsRefusedNamingTheLine() {
    assertThatThrownBy(
            () ->
                parse(
                    HEADER
                        + "a,2018-02-06,A,,https://www.federalregister.gov/d/2018-02319,83 FR 5188\n"
                        + "b,2023-04-14,B,,https://www.kasu.org/justice-crime/2023-04-14/x,news\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("test.csv line 3")
        .hasMessageContaining("www.kasu.org")
        .hasMessageContaining("not a primary source");
  }

  @Test
  void aMissingCitationOrDuplicateIdIsRefused() {
    assertThatThrownBy(
            () -> parse(HEADER + "a,2018-02-06,A,,https://www.federalregister.gov/d/2018-02319,\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("primary_citation is empty");
    assertThatThrownBy(
            () ->
                parse(
                    HEADER
                        + "a,2018-02-06,A,,https://www.congress.gov/x,P.L. 1\n"
                        + "a,2019-02-06,B,,https://www.congress.gov/y,P.L. 2\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("used by an earlier event");
    assertThatThrownBy(
            () -> parse("date,label,source_url\n2018-02-06,A,https://www.congress.gov/x\n"))
        .hasMessageContaining("lacks the column 'id'");
  }

  @Test
  void subdomainsOfPrimaryHostsAreAcceptedLookalikesAreNot() {
    assertThat(PolicyEventsFile.isPrimaryHost("english.www.gov.cn")).isTrue();
    assertThat(PolicyEventsFile.isPrimaryHost("www.federalregister.gov")).isTrue();
    assertThat(PolicyEventsFile.isPrimaryHost("notfederalregister.gov")).isFalse();
    assertThat(PolicyEventsFile.isPrimaryHost("federalregister.gov.example.com")).isFalse();
  }

  @Test
  void theShippedFileHasThePrimarySourcedMeasuresTheEstimatesAreAskedFor() throws IOException {
    Path file = Path.of("jobs/conf/policy-events.csv");
    List<PolicyEvent> events = PolicyEventsFile.parse(file.toString(), Files.newInputStream(file));
    assertThat(events)
        .extracting(PolicyEvent::date)
        .isSorted()
        .contains(
            LocalDate.of(2018, 2, 6), // US class-wide temporary scheduling
            LocalDate.of(2019, 5, 1), // China's class-wide control
            LocalDate.of(2018, 2, 1), // China's NPP and 4-ANPP listing
            LocalDate.of(2024, 9, 1), // China's 2024 precursor listing
            LocalDate.of(2020, 3, 20), // Title 42
            LocalDate.of(2023, 11, 15), // Woodside
            LocalDate.of(2025, 2, 4), // IEEPA tariffs on China; Mexico's border deployment
            LocalDate.of(2025, 5, 2), // de minimis ends for China
            LocalDate.of(2025, 8, 29)); // de minimis suspended for all countries
    assertThat(
            events.stream()
                .filter(e -> e.id().equals("us-fentanyl-class-2018"))
                .findFirst()
                .orElseThrow()
                .primaryCitation())
        .isEqualTo("83 FR 5188");
  }
}
