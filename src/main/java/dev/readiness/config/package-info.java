/**
 * Settings from {@code readiness.yaml}: typed, with defaults, validated at the boundary. Takes the
 * YAML text and gives {@link dev.readiness.config.Settings}, or a {@link
 * dev.readiness.config.ConfigException} naming file, line and key.
 */
package dev.readiness.config;
