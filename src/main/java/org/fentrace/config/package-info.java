/**
 * The {@code fentrace.*} configuration: keys, defaults and validation ({@link
 * org.fentrace.config.FentraceConfig}, a {@link org.fentrace.config.ConfigException} is exit 2,
 * found before any Spark work), the launcher's configuration folder ({@link
 * org.fentrace.config.ConfDir}) and the versions a run reports ({@link
 * org.fentrace.config.Versions}).
 *
 * <p>May depend on: core, normalize (the normalizer's settings are typed here), warehouse (its
 * table format).
 */
package org.fentrace.config;
