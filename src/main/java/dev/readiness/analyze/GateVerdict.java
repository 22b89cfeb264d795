package dev.readiness.analyze;

import java.util.List;

/**
 * A review measured against the release gate.
 *
 * @param pass whether every rule holds
 * @param reasons one sentence per failed rule, empty when it passes
 */
public record GateVerdict(boolean pass, List<String> reasons) {
  public GateVerdict {
    reasons = List.copyOf(reasons);
    if (pass != reasons.isEmpty()) {
      throw new IllegalArgumentException("a verdict passes exactly when it has no reasons");
    }
  }
}
