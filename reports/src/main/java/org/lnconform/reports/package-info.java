/**
 * Report writers for a conformance run ({@link org.lnconform.harness.model.RunReport}): the
 * machine index {@code index.json} ({@link org.lnconform.reports.JsonReport}), a self-contained
 * HTML page and the implementations × cases matrix ({@link org.lnconform.reports.HtmlReport}),
 * JUnit XML for CI ({@link org.lnconform.reports.JUnitXmlReport}), Allure results and Allure's
 * own HTML ({@link org.lnconform.reports.AllureResults}, {@link org.lnconform.reports.AllureHtml}),
 * and {@link org.lnconform.reports.Reports} to write them all or merge runs.
 */
package org.lnconform.reports;
