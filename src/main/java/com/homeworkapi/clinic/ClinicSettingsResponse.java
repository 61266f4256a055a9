package com.homeworkapi.clinic;

import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.ScoringSettings;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The settings in force; {@code updatedAt} is absent while the clinic still uses the defaults. */
public record ClinicSettingsResponse(
        ClinicSettingsRequest.Compliance compliance,
        ClinicSettingsRequest.Weeks weeks,
        ClinicSettingsRequest.SymptomRelapse symptomRelapse,
        List<InstrumentResponse> instruments,
        Instant updatedAt) {

    static final Map<String, String> BUILT_IN_NAMES = Map.of(
            Instrument.PHQ9.code(), "PHQ-9",
            Instrument.GAD7.code(), "GAD-7",
            Instrument.YBOCS.code(), "Y-BOCS");

    /** Built-in instruments first, then the clinic's own by code. */
    public record InstrumentResponse(
            String code,
            String name,
            double min,
            double max,
            double threshold,
            boolean lowerIsBetter,
            Double reliableChangePoints,
            Double responsePercent,
            boolean builtIn) {

        static InstrumentResponse builtIn(Instrument instrument) {
            return new InstrumentResponse(instrument.code(), BUILT_IN_NAMES.get(instrument.code()), instrument.min(),
                    instrument.max(), instrument.threshold(), instrument.lowerIsBetter(),
                    instrument.reliableChangePoints(), instrument.responsePercent(), true);
        }

        static InstrumentResponse of(ClinicInstrument instrument) {
            return new InstrumentResponse(instrument.code, instrument.name, instrument.min, instrument.max,
                    instrument.threshold, instrument.lowerIsBetter, instrument.reliableChangePoints,
                    instrument.responsePercent, false);
        }
    }

    static ClinicSettingsResponse defaults() {
        return of(ScoringSettings.DEFAULTS, List.of(), null);
    }

    static ClinicSettingsResponse from(ClinicSettings stored) {
        return of(stored.toScoringSettings(), stored.instruments, stored.updatedAt);
    }

    private static ClinicSettingsResponse of(ScoringSettings settings, List<ClinicInstrument> own, Instant updatedAt) {
        List<InstrumentResponse> instruments = Stream.concat(
                Instrument.BUILT_IN.stream().map(InstrumentResponse::builtIn),
                own.stream().sorted(Comparator.comparing(instrument -> instrument.code))
                        .map(InstrumentResponse::of)).toList();
        return new ClinicSettingsResponse(
                new ClinicSettingsRequest.Compliance(settings.met(), settings.adequate()),
                new ClinicSettingsRequest.Weeks(settings.engagementWeeks(), settings.atRiskWeeks(),
                        settings.relapseWeeks(), settings.recoveringWeeks()),
                new ClinicSettingsRequest.SymptomRelapse(settings.symptomRelapseMeasurements(),
                        settings.symptomRelapseDays()),
                instruments, updatedAt);
    }
}
