package org.fentrace.core;

/**
 * The CBP component a published CBP row belongs to ({@code cbp_component}): the short codes CBP's
 * files spell out in full.
 */
public enum CbpComponent implements Vocabulary {
  /** Office of Field Operations: ports of entry, mail and express facilities. */
  OFO,
  /** U.S. Border Patrol: between the ports. */
  USBP,
  /** Air and Marine Operations (the AMO file). */
  AMO
}
