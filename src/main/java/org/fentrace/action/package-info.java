/**
 * The shape every Spark action of fentrace shares ({@link org.fentrace.action.BaseAction}): options
 * as named constants with defaults, checked when set ({@link org.fentrace.action.ActionOption});
 * Spark job descriptions naming the action and its step; step timings; {@code execute()} running
 * the steps and clearing the job description however it ends. Holds no domain logic.
 *
 * <p>May depend on: Spark and the JDK only.
 */
package org.fentrace.action;
