package io.apogee.common.filter.expression;

/** Supplies property values (user properties and {@code TAGS}) to an expression being evaluated. */
@FunctionalInterface
public interface EvaluationContext {
    /** The property's value, or null when the message does not carry it. */
    String get(String name);
}
