package com.homeworkapi.clinic;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.ClinicSettingsChanged;
import com.homeworkapi.common.ETags;
import com.homeworkapi.common.Instants;
import com.homeworkapi.common.Problem;
import com.homeworkapi.common.Tagged;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.ScoringSettings;
import com.homeworkapi.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A clinic's scoring settings. Until an admin saves them the clinic uses
 * {@link ScoringSettings#DEFAULTS} and the built-in instruments, under the ETag "0".
 */
@ApplicationScoped
@Transactional
public class ClinicSettingsService {

    private static final Set<String> BUILT_IN_CODES = Instrument.BUILT_IN.stream().map(Instrument::code)
            .collect(Collectors.toUnmodifiableSet());
    private static final String BUILT_IN_LIST = Instrument.BUILT_IN.stream().map(Instrument::code)
            .collect(Collectors.joining(", "));

    @Inject
    ClinicSettingsRepository settings;

    @Inject
    InstrumentUsage usage;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Event<ClinicSettingsChanged> settingsChanged;

    @Inject
    TransactionSynchronizationRegistry transaction;

    public Tagged<ClinicSettingsResponse> getSettings() {
        return tagged(settings.findOfClinic(caller.clinicId()));
    }

    /** Replaces the settings; the first save (If-Match "0") creates the clinic's row. */
    public Tagged<ClinicSettingsResponse> updateSettings(String ifMatch, ClinicSettingsRequest request) {
        UUID clinicId = caller.clinicId();
        Optional<ClinicSettings> stored = settings.findForUpdate(clinicId);
        ETags.requireMatch(ifMatch, etagVersion(stored));
        checkFields(request);
        List<ClinicInstrument> instruments = request.instruments().stream().map(ClinicSettingsService::instrument)
                .toList();
        ScoringSettings values = requireScoringAccepts(request, instruments);
        requireStoredScoresStillFit(clinicId, stored.map(row -> row.instruments).orElse(List.of()), instruments);

        ClinicSettings row = stored.orElseGet(() -> {
            ClinicSettings created = new ClinicSettings();
            created.clinicId = clinicId;
            return created;
        });
        apply(values, row);
        row.instruments.clear();
        row.instruments.addAll(instruments);
        row.updatedAt = Instants.now(clock);
        if (stored.isEmpty()) {
            settings.persist(row);
        }
        settings.flush();
        transaction.putResource(rowKey(clinicId), Optional.of(row));
        settingsChanged.fire(new ClinicSettingsChanged(clinicId));
        return tagged(Optional.of(row));
    }

    /** The thresholds scoring uses for the clinic; the defaults while it has saved none. */
    public ScoringSettings scoringSettings(UUID clinicId) {
        return rowOfTransaction(clinicId).map(ClinicSettings::toScoringSettings).orElse(ScoringSettings.DEFAULTS);
    }

    /** Only the clinic's own instruments, as {@code scoring.ClientRecord} takes them. */
    public List<Instrument> clinicInstruments(UUID clinicId) {
        return rowOfTransaction(clinicId).map(ClinicSettingsService::instrumentsOf).orElse(List.of());
    }

    /**
     * The clinic's row, read once per transaction: scoring one client asks for the thresholds and
     * the instruments several times, and a clinic without saved settings has no row for the
     * persistence context to keep, so each ask was a round trip.
     */
    @SuppressWarnings("unchecked")
    private Optional<ClinicSettings> rowOfTransaction(UUID clinicId) {
        Object key = rowKey(clinicId);
        Optional<ClinicSettings> row = (Optional<ClinicSettings>) transaction.getResource(key);
        if (row == null) {
            row = settings.findOfClinic(clinicId);
            transaction.putResource(key, row);
        }
        return row;
    }

    private static Object rowKey(UUID clinicId) {
        return List.of(ClinicSettingsService.class, clinicId);
    }

    /** Every instrument the clinic may record, built-in and its own, by code. */
    public Map<String, Instrument> instruments(UUID clinicId) {
        return Instrument.catalogue(clinicInstruments(clinicId));
    }

    /**
     * The catalogue for a write that must fit it (a measurement): the settings row stays locked
     * until the transaction ends, so no concurrent change can remove or narrow the instrument.
     */
    @Transactional(TxType.MANDATORY)
    public Map<String, Instrument> instrumentsForWrite(UUID clinicId) {
        return Instrument.catalogue(
                settings.findForShare(clinicId).map(ClinicSettingsService::instrumentsOf).orElse(List.of()));
    }

    /** Rules across fields, named by field; single fields are checked by Bean Validation. */
    private static void checkFields(ClinicSettingsRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.compliance().adequate() > request.compliance().met()) {
            errors.add(new Problem.FieldError("compliance.adequate", "must not be above compliance.met"));
        }
        if (request.weeks().relapse() < request.weeks().atRisk()) {
            errors.add(new Problem.FieldError("weeks.relapse", "must not be below weeks.atRisk"));
        }
        Set<String> codes = new HashSet<>();
        List<ClinicSettingsRequest.InstrumentDefinition> instruments = request.instruments();
        for (int index = 0; index < instruments.size(); index++) {
            ClinicSettingsRequest.InstrumentDefinition instrument = instruments.get(index);
            String field = "instruments[" + index + "].";
            if (BUILT_IN_CODES.contains(instrument.code())) {
                errors.add(new Problem.FieldError(field + "code",
                        "is the code of a built-in instrument (" + BUILT_IN_LIST + ")"));
            } else if (!codes.add(instrument.code())) {
                errors.add(new Problem.FieldError(field + "code", "repeats a code already in the list"));
            }
            if (!(instrument.min() < instrument.max())) {
                errors.add(new Problem.FieldError(field + "max", "must be above min"));
            } else if (instrument.threshold() < instrument.min() || instrument.threshold() > instrument.max()) {
                errors.add(new Problem.FieldError(field + "threshold", "must lie between min and max"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    /**
     * The scoring records check their own invariants too. Should they ever grow a rule that
     * {@link #checkFields} misses, the caller still gets a 400 rather than a failure of the service.
     */
    private static ScoringSettings requireScoringAccepts(ClinicSettingsRequest request,
            List<ClinicInstrument> instruments) {
        for (int index = 0; index < instruments.size(); index++) {
            guard("instruments[" + index + "]", instruments.get(index)::toInstrument);
        }
        return guard("body", () -> settingsOf(request));
    }

    private static <T> T guard(String field, Supplier<T> construction) {
        try {
            return construction.get();
        } catch (IllegalArgumentException inconsistent) {
            throw ApiProblem.invalid(field, "is inconsistent with the rules of scoring");
        }
    }

    /**
     * Stored scores must stay interpretable: an instrument in use cannot be removed, nor its
     * range narrowed past a stored score.
     */
    private void requireStoredScoresStillFit(UUID clinicId, List<ClinicInstrument> before,
            List<ClinicInstrument> after) {
        Map<String, ClinicInstrument> afterByCode = after.stream()
                .collect(Collectors.toMap(instrument -> instrument.code, Function.identity()));
        for (ClinicInstrument old : before) {
            ClinicInstrument kept = afterByCode.get(old.code);
            if (kept == null) {
                if (usage.isUsed(clinicId, old.code)) {
                    throw ApiProblem.conflict("Instrument " + old.code
                            + " has stored measurements and cannot be removed.");
                }
            } else if ((kept.min > old.min || kept.max < old.max)
                    && usage.hasScoresOutside(clinicId, old.code, kept.min, kept.max)) {
                throw ApiProblem.conflict("Instrument " + old.code
                        + " has stored measurements outside the new range from min to max.");
            }
        }
    }

    private static ScoringSettings settingsOf(ClinicSettingsRequest request) {
        return new ScoringSettings(request.compliance().met(), request.compliance().adequate(),
                request.weeks().engagement(), request.weeks().atRisk(), request.weeks().relapse(),
                request.weeks().recovering(), request.symptomRelapse().measurements(),
                request.symptomRelapse().spanDays());
    }

    private static void apply(ScoringSettings values, ClinicSettings row) {
        row.met = values.met();
        row.adequate = values.adequate();
        row.engagementWeeks = values.engagementWeeks();
        row.atRiskWeeks = values.atRiskWeeks();
        row.relapseWeeks = values.relapseWeeks();
        row.recoveringWeeks = values.recoveringWeeks();
        row.symptomRelapseMeasurements = values.symptomRelapseMeasurements();
        row.symptomRelapseDays = values.symptomRelapseDays();
    }

    private static ClinicInstrument instrument(ClinicSettingsRequest.InstrumentDefinition definition) {
        ClinicInstrument instrument = new ClinicInstrument();
        instrument.code = definition.code();
        instrument.name = definition.name();
        instrument.min = definition.min();
        instrument.max = definition.max();
        instrument.threshold = definition.threshold();
        instrument.lowerIsBetter = definition.lowerIsBetter();
        instrument.reliableChangePoints = definition.reliableChangePoints();
        instrument.responsePercent = definition.responsePercent();
        return instrument;
    }

    private static List<Instrument> instrumentsOf(ClinicSettings row) {
        return row.instruments.stream().map(ClinicInstrument::toInstrument).toList();
    }

    /** "0" stands for the defaults; a saved row's ETag is its version plus one, so it never repeats "0". */
    private static long etagVersion(Optional<ClinicSettings> stored) {
        return stored.map(row -> row.version + 1).orElse(0L);
    }

    private static Tagged<ClinicSettingsResponse> tagged(Optional<ClinicSettings> stored) {
        return new Tagged<>(stored.map(ClinicSettingsResponse::from).orElseGet(ClinicSettingsResponse::defaults),
                etagVersion(stored));
    }
}
