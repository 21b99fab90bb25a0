package io.apogee.common.filter.expression;

/**
 * A node of a parsed SQL92 filter. {@link #evaluate} returns a Boolean, a Long or Double, a String, or
 * null for SQL's UNKNOWN (a missing property, or a comparison of values that cannot be compared).
 */
public interface Expression {
    Object evaluate(EvaluationContext context);

    /** True only when the expression is definitely TRUE: UNKNOWN does not match, as in SQL. */
    default boolean matches(EvaluationContext context) {
        return Boolean.TRUE.equals(evaluate(context));
    }
}
