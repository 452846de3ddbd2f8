package org.fentrace.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Landing files delivered on a schedule, for tests of nightly runs: the delivery order of files
 * (which decides revisions) follows their modification time, so each delivery is stamped {@link
 * #BASE} plus some hours.
 */
public final class Deliveries {
  /** Canonical {@code seizure_events} header, with the optional link to a shipment. */
  public static final String SEIZURE_HEADER =
      "seizure_id,seizure_date,substance,quantity,unit,region,conveyance,"
          + "origin_country,shipment_id\n";

  /** Canonical {@code customs_shipments} header. */
  public static final String SHIPMENT_HEADER =
      "shipment_id,arrival_date,origin_country,mode,description,shipper_name,"
          + "consignee_name,gross_weight,weight_unit\n";

  public static final Instant BASE = Instant.parse("2024-06-01T00:00:00Z");

  private Deliveries() {}

  /**
   * Writes {@code landing/name} with {@code text}, modified {@code hour} hours after {@link #BASE}.
   */
  public static void deliver(Path landing, String name, int hour, String text) throws IOException {
    Path f = landing.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    Files.setLastModifiedTime(f, FileTime.from(BASE.plusSeconds(3600L * hour)));
  }
}
