/**
 * JSON output: {@code data.json}, {@code inspect --json}, {@code check}/{@code diff --format json}.
 */
package dev.readiness.render.json;
