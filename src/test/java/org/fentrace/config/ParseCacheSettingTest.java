package org.fentrace.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code fentrace.ingest.parse-cache} is typed by people: read ignoring case and blanks, and a
 * value that names no level stops the run when the configuration is loaded, naming the key, the
 * value and the choices.
 */
class ParseCacheSettingTest {
  static final String KEY = "fentrace.ingest.parse-cache";
  static final String PARTY = "fentrace.party-hash.key";
  static final String PARTY_KEY = "parse-cache-test-key-0123456789";

  @Test
  void theDefaultIsAutoAndALevelIsReadIgnoringCaseAndBlanks() {
    assertThat(FentraceConfig.load(null, Map.of(PARTY, PARTY_KEY)).parseCache())
        .isEqualTo(ParseCache.AUTO);
    assertThat(
            FentraceConfig.load(null, Map.of(PARTY, PARTY_KEY, KEY, " Memory-And-Disk "))
                .parseCache())
        .isEqualTo(ParseCache.MEMORY_AND_DISK);
  }

  @Test
  void anUnknownLevelNamesTheKeyTheValueAndTheChoices() {
    assertThatThrownBy(
            () -> FentraceConfig.load(null, Map.of(PARTY, PARTY_KEY, KEY, "ssd")).parseCache())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(KEY)
        .hasMessageContaining("'ssd'")
        .hasMessageContaining("[auto, disk, memory-and-disk]");
  }
}
