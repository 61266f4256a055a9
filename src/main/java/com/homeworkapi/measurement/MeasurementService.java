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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
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
    Event<ClientDataChanged> clientDataChanged;

    public MeasurementResponse recordMeasurement(UUID clientId, MeasurementRequest request) {
        Client client = clients.findVisible(clientId);
        Instrument instrument = clinicSettings.instrumentsForWrite(client.clinicId).get(request.instrument());
        if (instrument == null) {
            throw unknownInstrument();
        }
        checkScore(instrument, request.score());
        if (request.measuredOn().isAfter(client.today(clock))) {
            throw ApiProblem.invalid("measuredOn", "must not be in the future in the client's time zone");
        }
        Measurement measurement = new Measurement();
        measurement.id = UUID.randomUUID();
        measurement.clinicId = client.clinicId;
        measurement.clientId = client.id;
        measurement.instrument = instrument.code();
        measurement.score = request.score();
        measurement.measuredOn = request.measuredOn();
        measurement.note = request.note();
        measurement.recordedAt = Instants.now(clock);
        measurements.persist(measurement);
        measurements.flush();
        clientDataChanged.fire(new ClientDataChanged(client.clinicId, client.id));
        return MeasurementResponse.from(measurement);
    }

    public Page<MeasurementResponse> listMeasurements(UUID clientId, String instrument, PageRequest page) {
        Client client = clients.findVisible(clientId);
        String code = instrument == null || instrument.isBlank() ? null : instrument;
        if (code != null && !clinicSettings.instruments(client.clinicId).containsKey(code)) {
            throw unknownInstrument();
        }
        List<Measurement> rows = measurements.listForClient(client.clinicId, client.id, code, page);
        return Page.of(rows, page, measurement -> measurement.measuredOn, measurement -> measurement.id,
                MeasurementResponse::from);
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
