package io.apogee.common.filter.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.apogee.common.filter.expression.Expressions.Op;
import io.apogee.common.filter.expression.Expressions.StringOp;

/**
 * Parses RocketMQ's SQL92 message filter subset: comparisons ({@code = <> != > >= < <=}), BETWEEN, IN,
 * IS [NOT] NULL, CONTAINS / STARTSWITH / ENDSWITH, AND / OR / NOT, parentheses, TRUE / FALSE, string
 * literals in single quotes, integer and decimal numbers, and property names (including {@code TAGS}).
 * A small recursive-descent parser: the grammar is too small to justify a generated one.
 */
public final class SqlFilterParser {
    /** Nesting beyond this is refused: expressions come from clients and the parser recurses. */
    static final int MAX_DEPTH = 100;

    private final String text;
    private int pos;
    private Token token;
    private int depth;

    private SqlFilterParser(String text) {
        this.text = text;
    }

    public static Expression parse(String expression) throws SqlParseException {
        if (expression == null || expression.isBlank()) {
            throw new SqlParseException("empty SQL92 expression");
        }
        SqlFilterParser p = new SqlFilterParser(expression);
        p.advance();
        Expression e = p.orExpression();
        if (p.token.kind != Kind.EOF) {
            throw p.error("unexpected '" + p.token.text + "'");
        }
        return e;
    }

    // ------------------------------------------------------------------ grammar

    private Expression orExpression() throws SqlParseException {
        Expression left = andExpression();
        while (isKeyword("OR")) {
            advance();
            left = new Expressions.Or(left, andExpression());
        }
        return left;
    }

    private Expression andExpression() throws SqlParseException {
        Expression left = notExpression();
        while (isKeyword("AND")) {
            advance();
            left = new Expressions.And(left, notExpression());
        }
        return left;
    }

    private Expression notExpression() throws SqlParseException {
        if (isKeyword("NOT")) {
            advance();
            enter();
            Expression inner = notExpression();
            depth--;
            return new Expressions.Not(inner);
        }
        return predicate();
    }

    private void enter() throws SqlParseException {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private Expression predicate() throws SqlParseException {
        if (token.kind == Kind.LPAREN) {
            advance();
            enter();
            Expression inner = orExpression();
            depth--;
            expect(Kind.RPAREN, "')'");
            return inner;
        }
        Expression left = operand();
        if (token.kind == Kind.OPERATOR) {
            Op op = operator(token.text);
            advance();
            return new Expressions.Comparison(op, left, operand());
        }
        boolean negated = false;
        if (isKeyword("IS")) {
            advance();
            if (isKeyword("NOT")) {
                advance();
                negated = true;
            }
            expectKeyword("NULL");
            return new Expressions.IsNull(left, negated);
        }
        if (isKeyword("NOT")) {
            advance();
            negated = true;
            if (!isKeyword("BETWEEN") && !isKeyword("IN") && stringOp() == null) {
                throw error("expected BETWEEN, IN, CONTAINS, STARTSWITH or ENDSWITH after NOT");
            }
        }
        if (isKeyword("BETWEEN")) {
            advance();
            Expression low = operand();
            expectKeyword("AND");
            Expression high = operand();
            return new Expressions.Between(left, low, high, negated);
        }
        if (isKeyword("IN")) {
            advance();
            expect(Kind.LPAREN, "'(' after IN");
            List<Object> values = new ArrayList<>();
            do {
                if (token.kind == Kind.COMMA) {
                    advance();
                }
                Expression v = operand();
                if (!(v instanceof Expressions.Constant c) || c.value() == null) {
                    throw error("IN takes a list of literals");
                }
                values.add(c.value());
            } while (token.kind == Kind.COMMA);
            expect(Kind.RPAREN, "')' closing the IN list");
            return new Expressions.In(left, values, negated);
        }
        StringOp sop = stringOp();
        if (sop != null) {
            advance();
            if (token.kind != Kind.STRING) {
                throw error(sop + " takes a string literal");
            }
            Expression pattern = operand();
            return new Expressions.StringMatch(sop, left, pattern, negated);
        }
        if (negated) {
            throw error("dangling NOT");
        }
        // A bare operand is a predicate only if it is boolean-valued (TRUE, FALSE or a property).
        if (left instanceof Expressions.Constant c && !(c.value() instanceof Boolean)) {
            throw error("expected a comparison after " + c.value());
        }
        return left;
    }

    private Expression operand() throws SqlParseException {
        Token t = token;
        switch (t.kind) {
            case STRING:
                advance();
                return new Expressions.Constant(t.text);
            case NUMBER:
                advance();
                return new Expressions.Constant(number(t.text));
            case IDENT: {
                String upper = t.text.toUpperCase(Locale.ROOT);
                if (upper.equals("TRUE") || upper.equals("FALSE")) {
                    advance();
                    return new Expressions.Constant(Boolean.valueOf(upper.equals("TRUE")));
                }
                if (upper.equals("NULL")) {
                    advance();
                    return new Expressions.Constant(null);
                }
                if (isReserved(upper)) {
                    throw error("unexpected keyword " + t.text);
                }
                advance();
                return new Expressions.Property(t.text);
            }
            default:
                throw error(t.kind == Kind.EOF ? "unexpected end of expression" : "unexpected '" + t.text + "'");
        }
    }

    private Number number(String s) throws SqlParseException {
        try {
            if (s.contains(".") || s.contains("e") || s.contains("E")) {
                return Double.parseDouble(s);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error("bad number " + s);
        }
    }

    private static Op operator(String s) {
        switch (s) {
            case "=": return Op.EQ;
            case "<>":
            case "!=": return Op.NE;
            case ">": return Op.GT;
            case ">=": return Op.GE;
            case "<": return Op.LT;
            default: return Op.LE;
        }
    }

    private StringOp stringOp() {
        if (token.kind != Kind.IDENT) {
            return null;
        }
        switch (token.text.toUpperCase(Locale.ROOT)) {
            case "CONTAINS": return StringOp.CONTAINS;
            case "STARTSWITH": return StringOp.STARTSWITH;
            case "ENDSWITH": return StringOp.ENDSWITH;
            default: return null;
        }
    }

    private static boolean isReserved(String upper) {
        switch (upper) {
            case "AND": case "OR": case "NOT": case "BETWEEN": case "IN": case "IS":
            case "CONTAINS": case "STARTSWITH": case "ENDSWITH":
                return true;
            default:
                return false;
        }
    }

    private boolean isKeyword(String keyword) {
        return token.kind == Kind.IDENT && token.text.equalsIgnoreCase(keyword);
    }

    private void expectKeyword(String keyword) throws SqlParseException {
        if (!isKeyword(keyword)) {
            throw error("expected " + keyword);
        }
        advance();
    }

    private void expect(Kind kind, String what) throws SqlParseException {
        if (token.kind != kind) {
            throw error("expected " + what);
        }
        advance();
    }

    private SqlParseException error(String what) {
        return new SqlParseException("SQL92 expression error at position " + token.start + ": " + what + " in \"" + text + "\"");
    }

    // ------------------------------------------------------------------ tokens

    private enum Kind { IDENT, NUMBER, STRING, OPERATOR, LPAREN, RPAREN, COMMA, EOF }

    private record Token(Kind kind, String text, int start) {
    }

    private void advance() throws SqlParseException {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            token = new Token(Kind.EOF, "", start);
            return;
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            token = new Token(Kind.LPAREN, "(", start);
        } else if (c == ')') {
            pos++;
            token = new Token(Kind.RPAREN, ")", start);
        } else if (c == ',') {
            pos++;
            token = new Token(Kind.COMMA, ",", start);
        } else if (c == '\'') {
            token = new Token(Kind.STRING, readString(), start);
        } else if (c == '=' ) {
            pos++;
            token = new Token(Kind.OPERATOR, "=", start);
        } else if (c == '<' || c == '>' || c == '!') {
            pos++;
            String op = String.valueOf(c);
            if (pos < text.length() && (text.charAt(pos) == '=' || (c == '<' && text.charAt(pos) == '>'))) {
                op += text.charAt(pos++);
            }
            if (op.equals("!")) {
                throw new SqlParseException("SQL92 expression error at position " + start + ": '!' must be followed by '=' in \"" + text + "\"");
            }
            token = new Token(Kind.OPERATOR, op, start);
        } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < text.length()
            && (Character.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '.'))) {
            pos++;
            while (pos < text.length()) {
                char d = text.charAt(pos);
                if (Character.isDigit(d) || d == '.' || d == 'e' || d == 'E'
                    || ((d == '-' || d == '+') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E'))) {
                    pos++;
                } else {
                    break;
                }
            }
            String s = text.substring(start, pos);
            token = new Token(Kind.NUMBER, s.startsWith("+") ? s.substring(1) : s, start);
        } else if (Character.isLetter(c) || c == '_' || c == '$') {
            pos++;
            while (pos < text.length()) {
                char d = text.charAt(pos);
                if (Character.isLetterOrDigit(d) || d == '_' || d == '$' || d == '.') {
                    pos++;
                } else {
                    break;
                }
            }
            token = new Token(Kind.IDENT, text.substring(start, pos), start);
        } else {
            throw new SqlParseException("SQL92 expression error at position " + start + ": unexpected character '" + c + "' in \"" + text + "\"");
        }
    }

    private String readString() throws SqlParseException {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                    continue;
                }
                return sb.toString();
            }
            sb.append(c);
        }
        throw new SqlParseException("SQL92 expression error at position " + start + ": unterminated string in \"" + text + "\"");
    }
}
