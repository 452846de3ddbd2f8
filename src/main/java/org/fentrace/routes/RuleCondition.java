package org.fentrace.routes;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * A declarative test on normalized fields: no rule can run code, only compare fields with values.
 */
public sealed interface RuleCondition extends Serializable {

  /** How a field is compared. */
  enum Test {
    /** The field's value is one of the values (for a list field: any element is). */
    IN,
    /** The field is null, or its value is none of the values (list field: no element is). */
    NOT_IN,
    /** The field is null (list field: empty). */
    IS_NULL,
    /** The field has a value (list field: not empty). */
    NOT_NULL
  }

  /** One field compared with a set of values. */
  record FieldTest(RuleField field, Test test, Set<String> values) implements RuleCondition {}

  /** Every condition holds; an empty list always holds. */
  record All(List<RuleCondition> conditions) implements RuleCondition {}

  /** At least one condition holds. */
  record Any(List<RuleCondition> conditions) implements RuleCondition {}
}
