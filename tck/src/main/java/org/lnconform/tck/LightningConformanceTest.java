package org.lnconform.tck;

/**
 * The conformance suite as tests in an implementer's own build, like a TCK. Add
 * {@code org.lnconform:lnconform-tck} as a test dependency, list it in Surefire's
 * {@code dependenciesToScan} (so Surefire finds this class), and set the system property
 * {@code lnconform.target=<pubkey>@host:port}. Optional: {@code lnconform.cases} and
 * {@code lnconform.exclude} (comma-separated id globs), {@code lnconform.strict=true},
 * {@code lnconform.reports=DIR}, {@code lnconform.parallel=N}. Without a target it runs against
 * the embedded reference node.
 *
 * <p>This class holds no test methods: the {@link ConformanceEngine lnconform test engine} runs it,
 * one test per case, named by the case id in Surefire's console and XML and in IDEs. FAIL is a
 * test failure (message: id, requirement, expected, observed), ERROR a test error, UNSUPPORTED a
 * skipped test with its reason, NON_STRICT a failure only with {@code lnconform.strict=true}.
 * Subclass it to run the suite under another class name.
 */
public class LightningConformanceTest {}
