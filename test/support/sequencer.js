const Sequencer = require('@jest/test-sequencer').default;

/** Longest first, so no worker is left with a long suite at the end; without timings, the tier says which are long. */
const TIER_WEIGHT = { browser: 3, faults: 2, e2e: 1, unit: 0 };

/**
 * Jest orders by the durations of the last run and, on a clean checkout (CI) without them, by file size: a short
 * browser or fault suite (Chromium, killed processes) outlasts a long file of API calls, and one started last decided
 * the run's end. Without timings this runs the browser, then the fault, then the API suites, each tier by size.
 */
class TierSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    const weight = (test) => TIER_WEIGHT[test.context.config.displayName?.name] ?? 0;
    const size = (test) => test.context.hasteFS.getSize(test.path) ?? 0;
    return [...sorted].sort((a, b) => weight(b) - weight(a) || size(b) - size(a));
  }
}

module.exports = TierSequencer;
