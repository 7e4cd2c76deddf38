// A node:test reporter that prints one closing line, `<label>: N passed, N failed, N skipped`,
// for CI (label from SUMMARY_LABEL). Used beside the `spec` reporter.
export default async function* summary(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.data?.details?.type === "suite" && !event.data.skip) continue;
    if (event.type === "test:pass") {
      if (event.data.skip || event.data.todo) skipped++;
      else passed++;
    } else if (event.type === "test:fail") failed++;
  }
  yield `${process.env.SUMMARY_LABEL ?? "node:test"}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`;
}
