package org.lnconform.tck;

/**
 * Runs the TCK class in this build exactly as an implementer's Surefire would (against the
 * embedded reference node here), so a broken TCK entry point fails our own tests.
 */
class LightningConformanceSuiteTest extends LightningConformanceTest {}
