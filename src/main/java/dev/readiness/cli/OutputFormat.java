package dev.readiness.cli;

/** The {@code --format} of commands that print for people or for pipelines. */
enum OutputFormat {
  text,
  json
}
