package org.lnconform.tck;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A {@link LightningConformanceTest} class (or subclass) holding the selected cases. */
final class SuiteDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "class";

    SuiteDescriptor(UniqueId engine, Class<?> testClass) {
        super(engine.append(SEGMENT, testClass.getName()), testClass.getSimpleName(), ClassSource.from(testClass));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public String getLegacyReportingName() {
        return ((ClassSource) getSource().orElseThrow()).getClassName();
    }
}
