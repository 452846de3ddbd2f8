/**
 * Route attribution: the versioned rule file ({@link org.fentrace.routes.RouteRules}, YAML,
 * validated against the vocabularies of {@link org.fentrace.routes.RuleField}), compiled to one
 * Spark expression ({@link org.fentrace.routes.RuleCompiler}) and applied to seizures and shipments
 * ({@link org.fentrace.routes.RouteAttribution}); the sensitivity of the route totals to the rule
 * choice ({@link org.fentrace.routes.RouteSensitivity}, written by the trends step).
 *
 * <p>May depend on: core, config (a broken rule file is a configuration error), warehouse.
 */
package org.fentrace.routes;
