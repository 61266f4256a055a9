/**
 * Clinical scoring of CBT homework, pure Java; the rules as implemented are in docs/scoring.md.
 *
 * <p>Three separable steps, so the service can keep weekly rows up to date and skip the first two:
 * <ol>
 *   <li>{@link com.homeworkapi.scoring.ExpectedOccurrences}: expected occurrences per ISO week from an assignment's revisions;</li>
 *   <li>{@link com.homeworkapi.scoring.WeeklyCredit}: attempts and reviews into per-assignment-week credit and quality;</li>
 *   <li>{@link com.homeworkapi.scoring.StatusClassifier}: client weeks plus symptom scores into status with evidence.</li>
 * </ol>
 * {@link com.homeworkapi.scoring.ClientScoring} runs all three from raw records.
 */
package com.homeworkapi.scoring;
