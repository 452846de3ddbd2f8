package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How parse units are grouped into tasks, checked against groupings worked out by hand. */
class ParseTasksTest {
  private static LandingFile file(int index, long size) {
    return new LandingFile(index, "file:/l/f" + index, "f" + index, size, 0L, null, ',', null);
  }

  private static List<ParseUnit> chunks(LandingFile f, long split) {
    List<ParseUnit> units = new ArrayList<>();
    for (int i = 0; i * split < f.size(); i++) {
      units.add(new ParseUnit(f, i, split));
    }
    return units;
  }

  /** Each task written as its ranges' numbers ("c" for a checksum). */
  private static List<String> shape(List<List<ParseUnit>> tasks) {
    return tasks.stream()
        .map(
            t ->
                String.join(
                    "+",
                    t.stream()
                        .map(
                            u ->
                                (u.chunk() == ParseUnit.CHECKSUM ? "c" : String.valueOf(u.chunk()))
                                    + "@"
                                    + u.file().index())
                        .toList()))
        .toList();
  }

  @Test
  void aShortLastRangeJoinsAFullOneInsteadOfTwoFullRangesSharingATask() {
    // 650 bytes in ranges of 80: eight full ranges and one of 10 bytes, at most 8 range tasks.
    // Shares of 650 / 8 = 81.25 bytes; middles 40, 120, ..., 600 fall in shares 0..7 (600 / 81.25
    // = 7.4) and the last range's middle, 645, in share 7 (7.9): ranges 7 and 8 share the last
    // task.
    LandingFile f = file(3, 650);
    List<List<ParseUnit>> tasks =
        ParseTasks.ranges(List.of(new ParseUnit(f, ParseUnit.CHECKSUM, 80)), chunks(f, 80), 8);
    assertThat(shape(tasks))
        .containsExactly("c@3", "0@3", "1@3", "2@3", "3@3", "4@3", "5@3", "6@3", "7@3+8@3");
  }

  @Test
  void rangesNoMoreThanTheTasksAllowedGetOneTaskEach() {
    // Two files: 300 bytes (ranges of 100: 3) and 120 (2, the last of 20 bytes): 5 ranges, 8
    // allowed.
    LandingFile a = file(0, 300);
    LandingFile b = file(1, 120);
    List<ParseUnit> ranges = new ArrayList<>(chunks(a, 100));
    ranges.addAll(chunks(b, 100));
    List<List<ParseUnit>> tasks =
        ParseTasks.ranges(
            List.of(
                new ParseUnit(a, ParseUnit.CHECKSUM, 100),
                new ParseUnit(b, ParseUnit.CHECKSUM, 100)),
            ranges,
            8);
    assertThat(shape(tasks)).containsExactly("c@0", "c@1", "0@0", "1@0", "2@0", "0@1", "1@1");
  }

  @Test
  void aTinySplitSizeMakesAtMostTheTasksAllowedOfConsecutiveEvenRanges() {
    // 100 equal ranges of 10 bytes in 8 shares of 125 bytes: range i (middle 10i + 5) goes to
    // share floor((10i + 5) / 125): share 0 takes i = 0..11 (12 ranges), share 1 i = 12..24 (13),
    // share 2 i = 25..36 (12), and so on alternating up to share 7, i = 87..99 (13).
    LandingFile f = file(0, 1000);
    List<ParseUnit> ranges = chunks(f, 10);
    List<List<ParseUnit>> tasks = ParseTasks.ranges(List.of(), ranges, 8);
    assertThat(tasks).hasSize(8);
    assertThat(tasks.stream().map(List::size).toList())
        .containsExactly(12, 13, 12, 13, 12, 13, 12, 13);
    assertThat(tasks.stream().flatMap(List::stream).toList()).isEqualTo(ranges);
  }

  @Test
  void filesReadWholeGetATaskEach() {
    List<ParseUnit> whole =
        List.of(
            ParseUnit.whole(file(0, 5)), ParseUnit.whole(file(1, 7)), ParseUnit.whole(file(2, 9)));
    assertThat(ParseTasks.oneEach(whole))
        .containsExactly(List.of(whole.get(0)), List.of(whole.get(1)), List.of(whole.get(2)));
  }

  @Test
  void noRangeTaskAllowedIsRefusedWithTheValue() {
    assertThatThrownBy(() -> ParseTasks.ranges(List.of(), List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
  }
}
