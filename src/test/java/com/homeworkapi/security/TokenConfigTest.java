package com.homeworkapi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.executable.ExecutableValidator;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A wrong number in a JWT_* variable stops the start with a message naming the variable, as
 * the service checks its configuration mapping (here the same constraints, checked directly).
 */
class TokenConfigTest {

    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

    /** The constraints are the interface's; the object they are checked on plays no part. */
    private static final TokenConfig ANY_CONFIG = (TokenConfig) Proxy.newProxyInstance(
            TokenConfig.class.getClassLoader(), new Class<?>[] {TokenConfig.class}, (proxy, method, args) -> null);

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void shouldAcceptWholeSecondsWithinRange() {
        assertEquals(List.of(), Stream.of("0", "1", "60", "99", "100", "299", "300")
                .flatMap(value -> problems("clockSkew", value).stream()).toList());
        assertEquals(List.of(), Stream.of("1", "3600", "86400")
                .flatMap(value -> problems("maxTtl", value).stream()).toList());
    }

    @Test
    void shouldNameTheVariableOfAWrongValue() {
        for (String value : List.of("", "-1", "301", "1000", "60s", "1.5", "abc", " 60")) {
            assertEquals(Set.of("JWT_CLOCK_SKEW must be a whole number of seconds from 0 to 300"),
                    problems("clockSkew", value), value);
        }
        for (String value : List.of("0", "-5", "1h", "3600.0", "9999999999")) {
            assertEquals(Set.of("JWT_MAX_TTL must be a whole number of seconds, at least 1"),
                    problems("maxTtl", value), value);
        }
    }

    private static Set<String> problems(String setting, String value) {
        ExecutableValidator validator = VALIDATION.getValidator().forExecutables();
        try {
            Set<ConstraintViolation<TokenConfig>> violations = validator.validateReturnValue(ANY_CONFIG,
                    TokenConfig.class.getMethod(setting), value);
            return Set.copyOf(violations.stream().map(ConstraintViolation::getMessage).toList());
        } catch (NoSuchMethodException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
