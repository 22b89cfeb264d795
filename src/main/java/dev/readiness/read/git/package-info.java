/**
 * Reviews straight from git history: takes a checklist file in a git working tree and gives its
 * project, one review per day with a commit that touched the file (its state at the day's last
 * commit, renames followed), each with its {@link dev.readiness.model.Provenance}. Reads through
 * JGit, never runs {@code git}, never writes to a repository (docs/git.md).
 */
package dev.readiness.read.git;
