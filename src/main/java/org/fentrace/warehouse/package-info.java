/**
 * The warehouse's layout and tables: the normalized tables and their Avro schemas ({@link
 * org.fentrace.warehouse.WarehouseTable}), their Spark schemas, staging and publishing folders
 * ({@link org.fentrace.warehouse.Warehouse}), the SQL views of {@code fentrace sql}, and the local
 * file system of runs on one machine ({@link org.fentrace.warehouse.NioLocalFileSystem}).
 *
 * <p>May depend on: nothing in fentrace (its documentation links to state's publisher).
 */
package org.fentrace.warehouse;
