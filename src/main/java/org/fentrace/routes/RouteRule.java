package org.fentrace.routes;

import java.io.Serializable;
import org.fentrace.core.Confidence;
import org.fentrace.core.Route;

/**
 * One rule of a route rule file: when {@code condition} holds, the record takes {@code route} with
 * {@code confidence}. Rules are tried in file order; the first that holds decides. {@code
 * reasoning} says why the evidence supports the route (null when the file gives none).
 */
public record RouteRule(
    String id,
    String description,
    String reasoning,
    RuleCondition condition,
    Route route,
    Confidence confidence)
    implements Serializable {}
