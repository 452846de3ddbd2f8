package org.fentrace.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.Path;
import org.fentrace.warehouse.Warehouse;

/**
 * The route rules the stored routes were decided with ({@code _state/route-rules.json}): version,
 * SHA-256 and where the file came from. A run whose rules differ re-attributes every stored record,
 * so the routes of old months never lag behind the rules of tonight. A warehouse written before the
 * stamp existed has none, which counts as different.
 */
public record RulesStamp(String version, String sha256, String source) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Path path(Warehouse w) {
    return w.layout().rulesStamp();
  }

  /** The recorded stamp, or null when the warehouse has none. */
  public static RulesStamp read(Warehouse w) throws IOException {
    Path p = path(w);
    if (!w.fs().exists(p)) {
      return null;
    }
    try (InputStream in = w.fs().open(p)) {
      return JSON.readValue(in, RulesStamp.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(
          "cannot read the route rules stamp "
              + p
              + ": "
              + e.getOriginalMessage()
              + ". Delete it: the next run then re-attributes every stored record under the rules in force.",
          e);
    }
  }

  /** Same version and same content: the stored routes are those these rules give. */
  public boolean matches(String otherVersion, String otherSha256) {
    return version.equals(otherVersion) && sha256.equals(otherSha256);
  }

  public String toJson() throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
  }
}
