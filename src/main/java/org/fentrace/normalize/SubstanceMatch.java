package org.fentrace.normalize;

import java.io.Serializable;
import java.util.Objects;
import org.fentrace.core.SubstanceClass;

/**
 * What {@link SubstanceDictionary#match(String)} made of one raw substance text.
 *
 * @param name the canonical dictionary name; for an unlisted analogue or an unknown text, the
 *     cleaned lower-case text (so the same text written two ways gets the same name)
 * @param substanceClass the contract's substance_class
 * @param unlisted true when the text was recognised by its form (a name ending in "fentanyl" that
 *     the dictionary lacks) rather than found in the dictionary: such rows are the ones a curator
 *     should look at and, if real, add to substances.csv
 */
public record SubstanceMatch(String name, SubstanceClass substanceClass, boolean unlisted)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public SubstanceMatch {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(substanceClass, "substanceClass");
  }
}
