package org.fentrace.trends;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.fentrace.core.Route;

/**
 * The months in which {@code CHINA_DIRECT} and {@code MEXICO_CARTEL} swapped the lead in
 * fentanyl-family kg. The leader of a month is the route with strictly more kg; a tie (including
 * two zero months) leaves the lead where it was, so a quiet month is not a change. The first month
 * with a leader establishes the lead and is not a change (there was no leader before it).
 */
public final class LeadChanges {
  private LeadChanges() {}

  /**
   * One swap: the new leader took the lead in {@code month}, with that month's kg of both routes.
   */
  public record LeadChange(
      YearMonth month,
      Route leaderBefore,
      Route leaderAfter,
      BigDecimal chinaDirectKg,
      BigDecimal mexicoCartelKg) {}

  public static List<LeadChange> of(
      YearMonth first, BigDecimal[] chinaDirectKg, BigDecimal[] mexicoCartelKg) {
    if (chinaDirectKg.length != mexicoCartelKg.length) {
      throw new IllegalArgumentException(
          "series of different lengths: " + chinaDirectKg.length + " and " + mexicoCartelKg.length);
    }
    List<LeadChange> out = new ArrayList<>();
    Route leader = null;
    for (int i = 0; i < chinaDirectKg.length; i++) {
      BigDecimal china = chinaDirectKg[i] == null ? BigDecimal.ZERO : chinaDirectKg[i];
      BigDecimal mexico = mexicoCartelKg[i] == null ? BigDecimal.ZERO : mexicoCartelKg[i];
      int cmp = china.compareTo(mexico);
      Route now = cmp > 0 ? Route.CHINA_DIRECT : cmp < 0 ? Route.MEXICO_CARTEL : leader;
      if (leader != null && leader != now) {
        out.add(new LeadChange(first.plusMonths(i), leader, now, china, mexico));
      }
      leader = now;
    }
    return List.copyOf(out);
  }
}
