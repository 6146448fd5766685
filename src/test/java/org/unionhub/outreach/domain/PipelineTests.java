package org.unionhub.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionhub.outreach.PipelineState.CONTACTED;
import static org.unionhub.outreach.PipelineState.DECLINED;
import static org.unionhub.outreach.PipelineState.FOUNDED;
import static org.unionhub.outreach.PipelineState.INTERESTED;
import static org.unionhub.outreach.PipelineState.PREPARING;

import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;
import org.unionhub.outreach.DeclineReason;
import org.unionhub.outreach.PipelineState;

class PipelineTests {

    private static final LocalDate TODAY = LocalDate.of(2023, 5, 30);
    private static final LocalDate LAST_WEEK = TODAY.minusDays(7);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "CONTACTED, INTERESTED", "CONTACTED, PREPARING", "INTERESTED, PREPARING",
        "DECLINED, CONTACTED", "DECLINED, INTERESTED", "DECLINED, PREPARING"})
    void movesForwardSkippingStagesOrTakesADeclinedEnterpriseUpAgain(PipelineState from, PipelineState to) {
        var step = new Pipeline(from, LAST_WEEK).moveTo(to, TODAY, TODAY, null, null).orElseThrow();

        assertThat(step).isEqualTo(new Pipeline.Step(from, to, TODAY, null, null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"INTERESTED, CONTACTED", "PREPARING, CONTACTED", "PREPARING, INTERESTED"})
    void refusesToMoveBackwards(PipelineState from, PipelineState to) {
        expectOnly(() -> new Pipeline(from, LAST_WEEK).moveTo(to, TODAY, TODAY, null, null),
                "state", "PIPELINE_ONLY_FORWARD");
    }

    @Test
    void foundedIsReachedOnlyByFoundingAndIsFinal() {
        expectOnly(() -> new Pipeline(PREPARING, LAST_WEEK).moveTo(FOUNDED, TODAY, TODAY, null, null),
                "state", "FOUNDING_NEEDS_FORM");
        expectOnly(() -> Pipeline.start(FOUNDED, TODAY, TODAY, null, null), "state", "FOUNDING_NEEDS_FORM");
        for (PipelineState to : PipelineState.values()) {
            expectOnly(() -> new Pipeline(FOUNDED, LAST_WEEK).moveTo(to, TODAY, TODAY, DeclineReason.OTHER, "x"),
                    "state", "ALREADY_FOUNDED");
        }
    }

    @Test
    void theStateItIsAlreadyInIsNoStep() {
        assertThat(new Pipeline(INTERESTED, LAST_WEEK).moveTo(INTERESTED, TODAY, TODAY, null, null)).isEmpty();
        assertThat(new Pipeline(DECLINED, LAST_WEEK).moveTo(DECLINED, TODAY, TODAY, null, null)).isEmpty();
    }

    @Test
    void anyOpenStateMayDeclineWithAReason() {
        for (PipelineState from : new PipelineState[] {CONTACTED, INTERESTED, PREPARING}) {
            var step = new Pipeline(from, LAST_WEEK)
                    .moveTo(DECLINED, TODAY, TODAY, DeclineReason.TOO_FEW_EMPLOYEES, null).orElseThrow();
            assertThat(step.declineReason()).isEqualTo(DeclineReason.TOO_FEW_EMPLOYEES);
        }
        expectOnly(() -> new Pipeline(CONTACTED, LAST_WEEK).moveTo(DECLINED, TODAY, TODAY, null, null),
                "declineReason", "REQUIRED");
        expectOnly(() -> new Pipeline(CONTACTED, LAST_WEEK).moveTo(DECLINED, TODAY, TODAY, DeclineReason.OTHER, " "),
                "note", "REQUIRED");
        assertThat(new Pipeline(CONTACTED, LAST_WEEK)
                .moveTo(DECLINED, TODAY, TODAY, DeclineReason.OTHER, "老板出国").orElseThrow().note()).isEqualTo("老板出国");
    }

    @Test
    void aReasonGivenWithoutDecliningIsNotKept() {
        var step = new Pipeline(CONTACTED, LAST_WEEK)
                .moveTo(INTERESTED, TODAY, TODAY, DeclineReason.NOT_INTERESTED, null).orElseThrow();

        assertThat(step.declineReason()).isNull();
    }

    @Test
    void everyStepIsDatedNotInTheFutureAndNotBeforeTheLastStep() {
        Pipeline pipeline = new Pipeline(CONTACTED, LAST_WEEK);
        expectOnly(() -> pipeline.moveTo(INTERESTED, null, TODAY, null, null), "on", "REQUIRED");
        expectOnly(() -> pipeline.moveTo(INTERESTED, TODAY.plusDays(1), TODAY, null, null), "on", "FUTURE_DATE");
        expectOnly(() -> pipeline.moveTo(INTERESTED, LAST_WEEK.minusDays(1), TODAY, null, null),
                "on", "BEFORE_PREVIOUS_STEP");
        assertThat(pipeline.moveTo(INTERESTED, LAST_WEEK, TODAY, null, null)).isPresent();
    }

    @Test
    void theFirstStepMayBeAnyOpenStateOrADeclineAndReportsEveryProblemAtOnce() {
        assertThat(Pipeline.start(PREPARING, TODAY, TODAY, null, null))
                .isEqualTo(new Pipeline.Step(null, PREPARING, TODAY, null, null));
        assertThat(Pipeline.start(DECLINED, TODAY, TODAY, DeclineReason.BUSINESS_DIFFICULTIES, null).declineReason())
                .isEqualTo(DeclineReason.BUSINESS_DIFFICULTIES);

        assertThatThrownBy(() -> Pipeline.start(DECLINED, TODAY.plusDays(2), TODAY, null, null))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactlyInAnyOrder(new Violation("on", "FUTURE_DATE"),
                                new Violation("declineReason", "REQUIRED")));
        expectOnly(() -> Pipeline.start(null, TODAY, TODAY, null, null), "state", "REQUIRED");
    }

    @Test
    void aFoundingIsNotDatedBeforeTheLastStep() {
        Pipeline pipeline = new Pipeline(PREPARING, LAST_WEEK);

        expectOnly(() -> pipeline.checkFoundingDate(LAST_WEEK.minusDays(1)), "foundedOn", "BEFORE_PREVIOUS_STEP");
        pipeline.checkFoundingDate(LAST_WEEK);
        pipeline.checkFoundingDate(null);
        assertThat(Pipeline.founding(pipeline, TODAY)).isEqualTo(new Pipeline.Step(PREPARING, FOUNDED, TODAY, null,
                null));
        assertThat(Pipeline.founding(null, TODAY).from()).isNull();
    }

    @Test
    void aSessionOutcomeAdvancesOnlyForwardAndNotBeforeTheLastStep() {
        Pipeline interested = new Pipeline(INTERESTED, LAST_WEEK);
        assertThat(interested.isAdvancedBy(PREPARING, TODAY)).isTrue();
        assertThat(interested.isAdvancedBy(DECLINED, TODAY)).isTrue();
        assertThat(interested.isAdvancedBy(CONTACTED, TODAY)).isFalse();
        assertThat(interested.isAdvancedBy(INTERESTED, TODAY)).isFalse();
        assertThat(interested.isAdvancedBy(PREPARING, LAST_WEEK.minusDays(1))).isFalse();
        assertThat(new Pipeline(DECLINED, LAST_WEEK).isAdvancedBy(CONTACTED, TODAY)).isTrue();
        assertThat(new Pipeline(FOUNDED, LAST_WEEK).isAdvancedBy(DECLINED, TODAY)).isFalse();
        assertThat(interested.isAdvancedBy(FOUNDED, TODAY)).isFalse();
    }

    @Test
    void anOutcomeIsNamedAndADeclinedOneCarriesItsReason() {
        assertThat(Pipeline.outcomeProblems("outcome", null, null, null))
                .containsExactly(new Violation("outcome", "REQUIRED"));
        assertThat(Pipeline.outcomeProblems("outcome", FOUNDED, null, null))
                .containsExactly(new Violation("outcome", "FOUNDING_NEEDS_FORM"));
        assertThat(Pipeline.outcomeProblems("outcome", DECLINED, DeclineReason.OTHER, null))
                .containsExactly(new Violation("note", "REQUIRED"));
        assertThat(Pipeline.outcomeProblems("outcome", INTERESTED, null, null)).isEmpty();
    }

    private static void expectOnly(ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationFailure.class,
                failure -> assertThat(failure.violations()).containsExactly(new Violation(field, code)));
    }
}
