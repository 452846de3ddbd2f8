package org.fentrace.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fentrace.state.Ledger;

/**
 * What changed in the landing folder since the ledger was written. Pure Java.
 *
 * <p>A file is unchanged when its size and modification time equal the ledger's; it is read again
 * when they differ, and also when it had rows rejected as after the run date and the run date has
 * now reached the earliest of those dates (such a row may be valid now, as it would be in a clean
 * run; a row dated 2099 does not make the file be read every night). A file in the ledger but gone
 * from the landing folder keeps its rows unless pruning is asked for.
 *
 * @param toRead new and changed files, to parse
 * @param unchanged files skipped because the ledger already has them
 * @param replaced ledger paths whose earlier rows are dropped: changed files, and removed ones when
 *     pruning
 * @param removed ledger paths no longer in the landing folder
 */
public record LandingDiff(
    List<LandingFile> toRead,
    List<LandingFile> unchanged,
    Set<String> replaced,
    Set<String> removed) {

  public static LandingDiff of(
      List<LandingFile> scanned, Ledger ledger, LocalDate runDate, boolean prune) {
    List<LandingFile> toRead = new ArrayList<>();
    List<LandingFile> unchanged = new ArrayList<>();
    Set<String> replaced = new HashSet<>();
    Set<String> present = new HashSet<>();
    for (LandingFile f : scanned) {
      present.add(f.relativePath());
      if (!f.isRead()) {
        continue;
      }
      Ledger.Entry e = ledger.get(f.relativePath());
      if (e == null) {
        toRead.add(f);
      } else if (e.size() == f.size()
          && e.modificationTime() == f.modificationTime()
          && (e.recheckOn() == null
              || runDate.isBefore(java.time.LocalDate.parse(e.recheckOn())))) {
        unchanged.add(f);
      } else {
        toRead.add(f);
        replaced.add(f.relativePath());
      }
    }
    Set<String> removed = new HashSet<>();
    for (Ledger.Entry e : ledger.entries()) {
      if (!present.contains(e.path())) {
        removed.add(e.path());
      }
    }
    if (prune) {
      replaced.addAll(removed);
    }
    return new LandingDiff(
        List.copyOf(toRead), List.copyOf(unchanged), Set.copyOf(replaced), Set.copyOf(removed));
  }
}
