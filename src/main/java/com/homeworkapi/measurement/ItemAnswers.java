package com.homeworkapi.measurement;

import com.homeworkapi.common.ApiProblem;
import java.util.List;
import java.util.Map;

/**
 * The questionnaires whose item answers a measurement may carry: PHQ-9 (9 items) and GAD-7 (7
 * items), each item answered 0 to 3 ("not at all" to "nearly every day"), in the questionnaire's
 * own order. The total is the sum of the answers.
 */
public final class ItemAnswers {

    public static final int MIN_ANSWER = 0;
    public static final int MAX_ANSWER = 3;
    static final String FIELD = "itemAnswers";

    private static final String PHQ9 = "phq9";
    /** PHQ-9 item 9: thoughts that you would be better off dead, or of hurting yourself. */
    private static final int PHQ9_SELF_HARM_ITEM = 9;
    private static final Map<String, Integer> ITEMS = Map.of(PHQ9, 9, "gad7", 7);

    private ItemAnswers() {
    }

    /** How many items the instrument has, or 0 when its item answers are not stored. */
    public static int itemCount(String instrument) {
        return ITEMS.getOrDefault(instrument, 0);
    }

    /** The total of valid answers to the instrument's items; 400 naming the field or the item otherwise. */
    static int total(String instrument, List<Integer> answers) {
        int count = itemCount(instrument);
        if (count == 0) {
            throw ApiProblem.invalid(FIELD, "are stored for phq9 and gad7 only, not for " + instrument);
        }
        if (answers.size() != count) {
            throw ApiProblem.invalid(FIELD, "must hold the " + count + " answers of " + instrument
                    + " in its order, not " + answers.size());
        }
        int total = 0;
        for (int index = 0; index < answers.size(); index++) {
            Integer answer = answers.get(index);
            if (answer == null || answer < MIN_ANSWER || answer > MAX_ANSWER) {
                throw ApiProblem.invalid(FIELD + "[" + index + "]",
                        "must be a whole number from " + MIN_ANSWER + " to " + MAX_ANSWER);
            }
            total += answer;
        }
        return total;
    }

    /**
     * Whether valid answers raise the safety flag: PHQ-9 item 9 answered above 0 (on any day of
     * the last two weeks). Only item answers can raise it; a total alone does not show item 9.
     */
    static boolean raiseSafetyFlag(String instrument, List<Integer> answers) {
        return PHQ9.equals(instrument) && answers.get(PHQ9_SELF_HARM_ITEM - 1) > 0;
    }
}
