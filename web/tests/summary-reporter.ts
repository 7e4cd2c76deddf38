// Prints one closing line for CI: `web unit: N passed, N failed, N skipped`.
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]) {
    const states = modules.flatMap((m) => [...m.children.allTests()].map((t) => t.result().state));
    const count = (state: string) => states.filter((s) => s === state).length;
    console.log(`web unit: ${count("passed")} passed, ${count("failed")} failed, ${count("skipped")} skipped`);
  }
}
