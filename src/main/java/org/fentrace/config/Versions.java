package org.fentrace.config;

/** Versions reported in manifests and {@code --version}. */
public final class Versions {
  private Versions() {}

  public static String fentrace() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public static String spark() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }
}
