package org.fentrace.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class WarehouseTableTest {
  @Test
  void aRowHasOneSlotPerAvroFieldAtTheFieldsPosition() {
    for (WarehouseTable t : WarehouseTable.values()) {
      // The schema resource read directly, not through the table's own lookups.
      List<Schema.Field> fields = t.avroSchema().getFields();
      assertThat(t.width()).as(t.tableName()).isEqualTo(fields.size());
      for (Schema.Field f : fields) {
        assertThat(t.position(f.name())).as(t.tableName() + "." + f.name()).isEqualTo(f.pos());
      }
    }
  }

  @Test
  void aFieldTheSchemaLacksIsNamedInTheError() {
    assertThatThrownBy(() -> WarehouseTable.SEIZURES.position("no_such_field"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no_such_field")
        .hasMessageContaining(WarehouseTable.SEIZURES.tableName());
  }
}
