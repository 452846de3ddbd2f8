package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RawValueMemoTest {
  /** A lookup that records every value it is asked about. */
  private static final class Counting implements Function<String, String> {
    final List<String> asked = new ArrayList<>();

    @Override
    public String apply(String raw) {
      asked.add(raw);
      // "unknown" has no answer, as an unknown country has no code.
      return raw == null || raw.equals("unknown") ? null : raw.toUpperCase();
    }
  }

  @Test
  void asksTheLookupOncePerDistinctValueAndAnswersAsItDoes() {
    Counting lookup = new Counting();
    RawValueMemo<String> memo = new RawValueMemo<>(lookup);
    List<String> rows = List.of("cn", "mx", "cn", "cn", "mx", "gt");
    List<String> answers = new ArrayList<>();
    for (String r : rows) {
      answers.add(memo.get(r));
    }
    assertThat(answers).containsExactly("CN", "MX", "CN", "CN", "MX", "GT");
    assertThat(lookup.asked).containsExactly("cn", "mx", "gt");
    assertThat(memo.size()).isEqualTo(3);
  }

  @Test
  void remembersANullAnswerButAsksAboutANullValueEveryTime() {
    Counting lookup = new Counting();
    RawValueMemo<String> memo = new RawValueMemo<>(lookup);
    assertThat(memo.get("unknown")).isNull();
    assertThat(memo.get("unknown")).isNull();
    assertThat(memo.get(null)).isNull();
    assertThat(memo.get(null)).isNull();
    assertThat(lookup.asked).containsExactly("unknown", null, null);
  }

  @Test
  void startsAgainEmptyWhenFullAndStillAnswersRight() {
    Counting lookup = new Counting();
    RawValueMemo<String> memo = new RawValueMemo<>(lookup, 2);
    // a, b fill it; c empties it and is remembered alone; a is then asked about again.
    for (String r : List.of("a", "b", "a", "c", "a", "c")) {
      assertThat(memo.get(r)).isEqualTo(r.toUpperCase());
      assertThat(memo.size()).isLessThanOrEqualTo(2);
    }
    assertThat(lookup.asked).containsExactly("a", "b", "c", "a");
  }

  @Test
  void aLookupThatThrowsLeavesNothingBehind() {
    List<String> asked = new ArrayList<>();
    RawValueMemo<String> memo =
        new RawValueMemo<>(
            raw -> {
              asked.add(raw);
              throw new RowRejectedException(RejectReason.UNKNOWN_UNIT, "unit", raw + " is bad");
            });
    assertThatThrownBy(() -> memo.get("xx")).isInstanceOf(RowRejectedException.class);
    assertThatThrownBy(() -> memo.get("xx")).isInstanceOf(RowRejectedException.class);
    assertThat(asked).containsExactly("xx", "xx");
    assertThat(memo.size()).isZero();
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThatThrownBy(() -> new RawValueMemo<>(Function.identity(), 0))
        .hasMessageContaining("capacity must be at least 1, got 0");
  }
}
