package io.apogee.common.filter.expression;

import java.util.List;

/**
 * The expression nodes. Three-valued logic follows SQL: FALSE AND UNKNOWN is FALSE, TRUE OR UNKNOWN is
 * TRUE, NOT UNKNOWN is UNKNOWN. Property values arrive as strings; compared with a number they are read
 * as numbers, which is what lets {@code a BETWEEN 0 AND 3} work on {@code putUserProperty("a", "2")}.
 */
final class Expressions {
    private Expressions() {
    }

    record Constant(Object value) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            return value;
        }
    }

    record Property(String name) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            return context.get(name);
        }
    }

    record And(Expression left, Expression right) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            Boolean l = asBoolean(left.evaluate(context));
            if (Boolean.FALSE.equals(l)) {
                return Boolean.FALSE;
            }
            Boolean r = asBoolean(right.evaluate(context));
            if (Boolean.FALSE.equals(r)) {
                return Boolean.FALSE;
            }
            return l == null || r == null ? null : Boolean.TRUE;
        }
    }

    record Or(Expression left, Expression right) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            Boolean l = asBoolean(left.evaluate(context));
            if (Boolean.TRUE.equals(l)) {
                return Boolean.TRUE;
            }
            Boolean r = asBoolean(right.evaluate(context));
            if (Boolean.TRUE.equals(r)) {
                return Boolean.TRUE;
            }
            return l == null || r == null ? null : Boolean.FALSE;
        }
    }

    record Not(Expression inner) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            Boolean v = asBoolean(inner.evaluate(context));
            return v == null ? null : !v;
        }
    }

    enum Op { EQ, NE, GT, GE, LT, LE }

    record Comparison(Op op, Expression left, Expression right) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            Object l = left.evaluate(context);
            Object r = right.evaluate(context);
            if (l == null || r == null) {
                return null;
            }
            if (op == Op.EQ || op == Op.NE) {
                Boolean eq = equal(l, r);
                if (eq == null) {
                    return null;
                }
                return op == Op.EQ ? eq : !eq;
            }
            Integer c = compare(l, r);
            if (c == null) {
                return null;
            }
            switch (op) {
                case GT: return c > 0;
                case GE: return c >= 0;
                case LT: return c < 0;
                default: return c <= 0;
            }
        }
    }

    record Between(Expression value, Expression low, Expression high, boolean negated) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            Object v = value.evaluate(context);
            Object lo = low.evaluate(context);
            Object hi = high.evaluate(context);
            if (v == null || lo == null || hi == null) {
                return null;
            }
            Integer c1 = compare(v, lo);
            Integer c2 = compare(v, hi);
            if (c1 == null || c2 == null) {
                return null;
            }
            boolean in = c1 >= 0 && c2 <= 0;
            return negated != in;
        }
    }

    record In(Expression value, List<Object> values, boolean negated) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            Object v = value.evaluate(context);
            if (v == null) {
                return null;
            }
            for (Object candidate : values) {
                if (Boolean.TRUE.equals(equal(v, candidate))) {
                    return !negated;
                }
            }
            return negated;
        }
    }

    record IsNull(Expression value, boolean negated) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            boolean isNull = value.evaluate(context) == null;
            return negated != isNull;
        }
    }

    enum StringOp { CONTAINS, STARTSWITH, ENDSWITH }

    record StringMatch(StringOp op, Expression value, Expression pattern, boolean negated) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            Object v = value.evaluate(context);
            Object p = pattern.evaluate(context);
            if (!(v instanceof String s) || !(p instanceof String pat)) {
                return null;
            }
            boolean m;
            switch (op) {
                case CONTAINS: m = s.contains(pat); break;
                case STARTSWITH: m = s.startsWith(pat); break;
                default: m = s.endsWith(pat); break;
            }
            return negated != m;
        }
    }

    static Boolean asBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            if ("true".equalsIgnoreCase(s)) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(s)) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /** Equality across types; null when the two cannot be compared (UNKNOWN). */
    static Boolean equal(Object l, Object r) {
        if (l instanceof Number || r instanceof Number) {
            Integer c = compare(l, r);
            return c == null ? null : c == 0;
        }
        if (l instanceof Boolean || r instanceof Boolean) {
            Boolean lb = asBoolean(l);
            Boolean rb = asBoolean(r);
            return lb == null || rb == null ? null : lb.equals(rb);
        }
        return l.equals(r);
    }

    /** Ordering of numbers (strings holding numbers count as numbers) or of two strings; null otherwise. */
    static Integer compare(Object l, Object r) {
        if (l instanceof String ls && r instanceof String rs) {
            return ls.compareTo(rs);
        }
        Number ln = asNumber(l);
        Number rn = asNumber(r);
        if (ln == null || rn == null) {
            return null;
        }
        if (ln instanceof Long a && rn instanceof Long b) {
            return Long.compare(a, b);
        }
        return Double.compare(ln.doubleValue(), rn.doubleValue());
    }

    static Number asNumber(Object v) {
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof String s) {
            String t = s.trim();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                try {
                    double d = Double.parseDouble(t);
                    return Double.isNaN(d) ? null : d;
                } catch (NumberFormatException e2) {
                    return null;
                }
            }
        }
        return null;
    }
}
