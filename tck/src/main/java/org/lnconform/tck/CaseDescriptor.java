package org.lnconform.tck;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.lnconform.harness.run.ConformanceCase;

/**
 * One conformance case as a JUnit Platform test: display name and legacy reporting name are the
 * case id, so Surefire's console and XML and IDEs show {@code bolt01/ping/num-pong-bytes-0-answered},
 * not an index.
 */
final class CaseDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "case";

    private final ConformanceCase conformanceCase;

    CaseDescriptor(UniqueId parent, ConformanceCase c) {
        super(parent.append(SEGMENT, c.info().id()), c.info().id());
        this.conformanceCase = c;
    }

    ConformanceCase conformanceCase() {
        return conformanceCase;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public String getLegacyReportingName() {
        return conformanceCase.info().id();
    }
}
