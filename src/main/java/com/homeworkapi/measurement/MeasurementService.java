package com.homeworkapi.measurement;

import com.homeworkapi.client.Client;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.clinic.ClinicSettingsService;
import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.ClientDataChanged;
import com.homeworkapi.common.Instants;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class MeasurementService {

    @Inject
    MeasurementRepository measurements;

    @Inject
    ClientService clients;

    @Inject
    ClinicSettingsService clinicSettings;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Event<ClientDataChanged> clientDataChanged;

    @Inject
    Event<MeasurementSafetyFlagged> safetyFlagged;

    /** A measurement stored now ({@code created}) or found by the identifier it was sent with before. */
    public record Recorded(MeasurementResponse measurement, boolean created) {
    }

    /** An identifier another system (an EHR) gave a measurement; unique within the clinic. */
    public record Identifier(String system, String value) {
    }

    /**
     * Records a measurement that another system names by these identifiers, unless one named by
     * {@code unlessExists} is stored already: then that one is answered and nothing is stored (a
     * FHIR create with If-None-Exist, so a resend stores nothing twice).
     */
    public Recorded recordIdentifiedMeasurement(UUID clientId, MeasurementRequest request,
            List<Identifier> identifiers, Identifier unlessExists) {
        Client client = clients.findVisible(clientId);
        if (unlessExists != null) {
            Optional<MeasurementResponse> stored = measurements
                    .findIdByIdentifier(client.clinicId, unlessExists.system(), unlessExists.value())
                    .flatMap(id -> measurements.findInClinic(client.clinicId, id))
                    .map(MeasurementResponse::from);
            if (stored.isPresent()) {
                return new Recorded(stored.get(), false);
            }
        }
        for (Identifier identifier : identifiers) {
            if (measurements.findIdByIdentifier(client.clinicId, identifier.system(), identifier.value()).isPresent()) {
                throw ApiProblem.conflict("identifier is already used by another measurement of this clinic.");
            }
        }
        MeasurementResponse recorded = recordMeasurement(clientId, request);
        for (Identifier identifier : identifiers) {
            measurements.addIdentifier(client.clinicId, recorded.id(), identifier.system(), identifier.value());
        }
        return new Recorded(recorded, true);
    }

    public MeasurementResponse recordMeasurement(UUID clientId, MeasurementRequest request) {
        Client client = clients.findVisible(clientId);
        Instrument instrument = clinicSettings.instrumentsForWrite(client.clinicId).get(request.instrument());
        if (instrument == null) {
            throw unknownInstrument();
        }
        List<Integer> items = request.itemAnswers();
        double score = items == null ? requiredScore(request.score())
                : totalOf(instrument.code(), items, request.score());
        checkScore(instrument, score);
        if (request.measuredOn().isAfter(client.today(clock))) {
            throw ApiProblem.invalid("measuredOn", "must not be in the future in the client's time zone");
        }
        Measurement measurement = new Measurement();
        measurement.id = UUID.randomUUID();
        measurement.clinicId = client.clinicId;
        measurement.clientId = client.id;
        measurement.instrument = instrument.code();
        measurement.score = score;
        measurement.itemAnswers = items == null ? null : items.stream().map(Integer::shortValue).toList();
        measurement.safetyFlag = items != null && ItemAnswers.raiseSafetyFlag(instrument.code(), items);
        measurement.measuredOn = request.measuredOn();
        measurement.note = request.note();
        measurement.recordedAt = Instants.now(clock);
        measurements.persist(measurement);
        measurements.flush();
        clientDataChanged.fire(new ClientDataChanged(client.clinicId, client.id));
        if (measurement.safetyFlag) {
            emitSafetyFlag(measurement);
        }
        return MeasurementResponse.from(measurement);
    }

    /**
     * Where {@code measurement.safety_flag} starts: fired in the measurement's own transaction,
     * after its insert, whichever way it was recorded (/v1 or a FHIR create). The clinic's own
     * protocol responds to it; this service is no crisis service.
     */
    private void emitSafetyFlag(Measurement measurement) {
        safetyFlagged.fire(new MeasurementSafetyFlagged(measurement.clinicId, measurement.clientId, measurement.id));
    }

    private static double requiredScore(Double score) {
        if (score == null) {
            throw ApiProblem.invalid("score", "is required unless itemAnswers are given");
        }
        return score;
    }

    /** The total of the item answers; a total sent with them must be that sum. */
    private static double totalOf(String instrument, List<Integer> items, Double sent) {
        int total = ItemAnswers.total(instrument, items);
        if (sent != null && sent != total) {
            throw ApiProblem.invalid("score", "must be the sum of itemAnswers (" + total + "), or be left out");
        }
        return total;
    }

    public Page<MeasurementResponse> listMeasurements(UUID clientId, String instrument, PageRequest page) {
        return listMeasurements(clientId, MeasurementFilter.ofInstrument(instrument), page);
    }

    /** As above, narrowed by the filter (FHIR's search); its instrument must be one of the clinic's. */
    public Page<MeasurementResponse> listMeasurements(UUID clientId, MeasurementFilter filter, PageRequest page) {
        Client client = clients.findVisible(clientId);
        String code = filter.instrument() == null || filter.instrument().isBlank() ? null : filter.instrument();
        if (code != null && !clinicSettings.instruments(client.clinicId).containsKey(code)) {
            throw unknownInstrument();
        }
        List<Measurement> rows = measurements.listForClient(client.clinicId, client.id, filter.withInstrument(code),
                page);
        return Page.of(rows, page, measurement -> measurement.measuredOn, measurement -> measurement.id,
                MeasurementResponse::from);
    }

    /**
     * The identifiers other systems gave these measurements (FHIR's {@code Observation.identifier}),
     * by measurement; only the caller's clinic's are found.
     */
    public Map<UUID, List<Identifier>> identifiersOf(Collection<UUID> measurementIds) {
        return measurements.identifiersOf(caller.clinicId(), measurementIds);
    }

    /** One measurement the caller may see; any other id is answered as one that does not exist. */
    public MeasurementResponse getMeasurement(UUID measurementId) {
        return measurements.findInClinic(caller.clinicId(), measurementId)
                .filter(measurement -> caller.canSee(measurement.clientId))
                .map(MeasurementResponse::from)
                .orElseThrow(() -> ApiProblem.notFound("measurement"));
    }

    private static void checkScore(Instrument instrument, double score) {
        if (score < instrument.min() || score > instrument.max()) {
            throw ApiProblem.invalid("score", "must be from " + plain(instrument.min()) + " to "
                    + plain(instrument.max()) + " for " + instrument.code());
        }
        // The built-in questionnaires are sums of item scores; a fraction can only be a typo.
        if (Instrument.BUILT_IN.contains(instrument) && score != Math.rint(score)) {
            throw ApiProblem.invalid("score", "must be a whole number for " + instrument.code());
        }
    }

    private static ApiProblem unknownInstrument() {
        return ApiProblem.invalid("instrument",
                "must be a built-in instrument (phq9, gad7, ybocs) or one defined in the clinic's settings");
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
