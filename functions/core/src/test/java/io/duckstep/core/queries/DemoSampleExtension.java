package io.duckstep.core.queries;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a query test the demo-sample database ({@link SummaryQueryDatabase#demoSample()}) as a parameter: loaded once
 * per test class, closed after its last test.
 */
final class DemoSampleExtension
        implements ParameterResolver
{
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DemoSampleExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context)
    {
        return parameter.getParameter().getType() == SummaryQueryDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
    {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        // Closed with the class's store (SummaryQueryDatabase is AutoCloseable).
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(classContext.getRequiredTestClass(),
                ignored -> SummaryQueryDatabase.demoSample(), SummaryQueryDatabase.class);
    }
}
