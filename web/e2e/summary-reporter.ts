// Prints one closing line for CI: `e2e: N passed, N failed, N skipped`.
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, string>();

  onTestEnd(test: TestCase, result: TestResult) {
    this.outcomes.set(test.id, result.status);
  }

  onEnd() {
    const count = (...statuses: string[]) => [...this.outcomes.values()].filter((s) => statuses.includes(s)).length;
    console.log(
      `e2e: ${count("passed")} passed, ${count("failed", "timedOut", "interrupted")} failed, ${count("skipped")} skipped`,
    );
  }
}
