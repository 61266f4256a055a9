package com.homeworkapi.sync;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An operator without the cursor key is told which variable to set, not an internal property. */
class CursorKeyTest {

    @Test
    void shouldNameTheEnvironmentVariableWhenTheKeyIsMissingOrShort() {
        for (Optional<String> key : List.of(Optional.<String>empty(), Optional.of("too-short"))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new CursorCodec(() -> key));
            assertTrue(refused.getMessage().startsWith("Set SYNC_CURSOR_KEY"), refused.getMessage());
        }
    }
}
