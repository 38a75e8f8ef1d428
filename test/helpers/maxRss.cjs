/**
 * Preloaded into a child process (`node -r`): on exit, prints its peak resident memory (KB, as the kernel counts it)
 * on stderr, so a test can hold the process to a memory bound without an outside tool.
 */
process.on("exit", () => {
  process.stderr.write(`\nMAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
