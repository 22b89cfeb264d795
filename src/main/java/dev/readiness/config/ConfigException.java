package dev.readiness.config;

/** A configuration file that cannot be used; the message names file, line and key. */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
