package io.apogee.common.filter.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlFilterParserTest {

    private static boolean matches(String sql, String... kv) throws SqlParseException {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            props.put(kv[i], kv[i + 1]);
        }
        return SqlFilterParser.parse(sql).matches(props::get);
    }

    @ParameterizedTest(name = "{0} with a={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "a = 3                      | 3   | true",
        "a = 3                      | 4   | false",
        "a <> 3                     | 4   | true",
        "a != 3                     | 3   | false",
        "a > 2                      | 3   | true",
        "a >= 3                     | 3   | true",
        "a < 3                      | 3   | false",
        "a <= 3.5                   | 3   | true",
        "a BETWEEN 0 AND 3          | 3   | true",
        "a BETWEEN 0 AND 3          | 4   | false",
        "a NOT BETWEEN 0 AND 3      | 4   | true",
        "a IN (1, 2, 3)             | 2   | true",
        "a NOT IN (1, 2, 3)         | 2   | false",
        "a IS NOT NULL              | 2   | true",
        "a > 2 AND a < 5            | 4   | true",
        "a < 2 OR a > 5             | 4   | false",
        "NOT (a = 4)                | 4   | false",
        "a = 'x'                    | x   | true",
        "a IN ('x', 'y')            | y   | true",
        "a CONTAINS 'bc'            | abcd| true",
        "a STARTSWITH 'ab'          | abcd| true",
        "a ENDSWITH 'cd'            | abcd| true",
        "a NOT CONTAINS 'z'         | abcd| true",
        "TRUE                       | 1   | true",
        "FALSE OR a = 1             | 1   | true",
    })
    void evaluatesTheRocketMqSubset(String sql, String a, boolean expected) throws SqlParseException {
        assertThat(matches(sql, "a", a)).isEqualTo(expected);
    }

    @Test
    void tagsIsAnOrdinaryProperty() throws SqlParseException {
        assertThat(matches("TAGS IN ('TagA', 'TagC')", "TAGS", "TagC")).isTrue();
        assertThat(matches("TAGS = 'TagA' AND b = 1", "TAGS", "TagA", "b", "2")).isFalse();
    }

    @Test
    void aMissingPropertyIsUnknownAndNeverMatches() throws SqlParseException {
        assertThat(matches("a = 1")).isFalse();
        assertThat(matches("NOT (a = 1)")).isFalse();
        assertThat(matches("a IS NULL")).isTrue();
        // UNKNOWN OR TRUE is TRUE; UNKNOWN AND FALSE is FALSE
        assertThat(matches("a = 1 OR b = 2", "b", "2")).isTrue();
        assertThat(matches("NOT (a = 1 AND b = 2)", "b", "3")).isTrue();
    }

    @Test
    void aNonNumericValueComparedWithANumberIsUnknown() throws SqlParseException {
        assertThat(matches("a > 1", "a", "abc")).isFalse();
        assertThat(matches("a <= 1", "a", "abc")).isFalse();
    }

    @Test
    void keywordsAreCaseInsensitiveAndQuotesEscapeByDoubling() throws SqlParseException {
        assertThat(matches("a between 1 and 2 and b is not null", "a", "1", "b", "x")).isTrue();
        assertThat(matches("a = 'it''s'", "a", "it's")).isTrue();
    }

    @Test
    void negativeAndDecimalNumbers() throws SqlParseException {
        assertThat(matches("a > -1.5", "a", "-1")).isTrue();
        assertThat(matches("a = 1e3", "a", "1000")).isTrue();
    }

    @Test
    void deepNestingIsRefusedButLongFlatExpressionsAreFine() throws SqlParseException {
        String deep = "(".repeat(5000) + "a = 1" + ")".repeat(5000);
        assertThatThrownBy(() -> SqlFilterParser.parse(deep)).isInstanceOf(SqlParseException.class)
            .hasMessageContaining("nested");
        assertThatThrownBy(() -> SqlFilterParser.parse("NOT ".repeat(5000) + "a = 1"))
            .isInstanceOf(SqlParseException.class);

        String flat = "a = 1 OR " + "b = 2 OR ".repeat(1200) + "c = 3";
        assertThat(flat.length()).isGreaterThan(10_000);
        assertThat(matches(flat, "c", "3")).isTrue();
        assertThat(matches("(((a = 1)))", "a", "1")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a =", "a = = 1", "(a = 1", "a BETWEEN 1", "a IN 1", "a IN (b)", "a ! 1",
        "a = 'open", "a IS 1", "3", "a = 1 b = 2", "AND a = 1", "a # 1"})
    void rejectsMalformedExpressionsWithAReason(String sql) {
        assertThatThrownBy(() -> SqlFilterParser.parse(sql))
            .isInstanceOf(SqlParseException.class)
            .hasMessageContaining("SQL92");
    }
}
