package com.homeworkapi.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the change feed: the current state of a goal, an assignment or an attempt
 * ({@code upsert}, with {@code data} as the object's own endpoint answers it), or a
 * {@code tombstone} without data for a goal or an assignment that was cancelled. {@code clientId}
 * names whose object it is, which a reader of the clinic-wide feed needs before it reads {@code data}.
 */
public record ChangeEntry(EntityType type, UUID id, UUID clientId, Op op, Instant changedAt, Object data) {

    public enum EntityType {
        GOAL("goal"), ASSIGNMENT("assignment"), ATTEMPT("attempt");

        private final String code;

        EntityType(String code) {
            this.code = code;
        }

        static EntityType of(String code) {
            for (EntityType type : values()) {
                if (type.code.equals(code)) {
                    return type;
                }
            }
            throw new IllegalStateException("change_log holds an unknown entity type");
        }

        @JsonValue
        @Override
        public String toString() {
            return code;
        }
    }

    public enum Op {
        UPSERT("upsert"), TOMBSTONE("tombstone");

        private final String code;

        Op(String code) {
            this.code = code;
        }

        @JsonValue
        @Override
        public String toString() {
            return code;
        }
    }

    static ChangeEntry upsert(EntityType type, UUID id, UUID clientId, Instant changedAt, Object data) {
        return new ChangeEntry(type, id, clientId, Op.UPSERT, changedAt, data);
    }

    static ChangeEntry tombstone(EntityType type, UUID id, UUID clientId, Instant changedAt) {
        return new ChangeEntry(type, id, clientId, Op.TOMBSTONE, changedAt, null);
    }
}
