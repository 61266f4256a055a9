package com.homeworkapi.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes each clinic's audit events tamper-evident after they commit, off the request's path:
 * new events are hashed (audit_event_hash in V11) into a block that also hashes the block
 * before it, so an edited, removed or slipped-in event breaks the chain (see
 * {@link AuditVerifier}). Requests pay one INSERT and take no lock; sealing a clinic takes a
 * transaction-scoped advisory lock of its own, so instances never seal the same clinic at once.
 *
 * <p>Events go into blocks in (txid, seq) order, and only those whose transaction is below the
 * snapshot's xmin: every transaction below it has ended, so an event that commits late can
 * never fall behind the last sealed one.
 */
@ApplicationScoped
public class AuditSealer {

    static final int HASH_BYTES = 32;
    private static final int BLOCK_SIZE = 1000;
    private static final Logger LOG = Logger.getLogger(AuditSealer.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ClinicConnections connections;

    @Scheduled(every = "${homework.audit.seal-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sealEveryClinic() {
        try {
            for (UUID clinicId : clinicsWithEvents()) {
                seal(clinicId);
            }
        } catch (SQLException failed) {
            LOG.errorf("Sealing audit events failed: %s (SQL state %s)", failed.getClass().getName(),
                    failed.getSQLState());
        }
    }

    /** Seals every event of the clinic that can be sealed now. */
    public void seal(UUID clinicId) throws SQLException {
        connections.inClinic(clinicId, connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended('audit_seal ' || ?, 0))")) {
                lock.setString(1, clinicId.toString());
                lock.execute();
            }
            int sealed = 0;
            int inBlock;
            do {
                inBlock = sealNextBlock(connection, clinicId);
                sealed += inBlock;
            } while (inBlock == BLOCK_SIZE);
            return sealed;
        });
    }

    /** @return how many events the new block holds; 0 when there was nothing to seal */
    private int sealNextBlock(Connection connection, UUID clinicId) throws SQLException {
        long blockNo = 1;
        byte[] previousHash = new byte[HASH_BYTES];
        String lastTxid = "0";
        long lastSeq = 0;
        try (PreparedStatement last = connection.prepareStatement("select block_no, block_hash, last_txid::text,"
                + " last_seq from audit_seal where clinic_id = ? order by block_no desc limit 1")) {
            last.setObject(1, clinicId);
            try (ResultSet row = last.executeQuery()) {
                if (row.next()) {
                    blockNo = row.getLong(1) + 1;
                    previousHash = row.getBytes(2);
                    lastTxid = row.getString(3);
                    lastSeq = row.getLong(4);
                }
            }
        }
        List<Long> seqs = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        ByteArrayOutputStream hashes = new ByteArrayOutputStream();
        String newestTxid = null;
        java.sql.Timestamp newest = null;
        try (PreparedStatement events = connection.prepareStatement("select e.seq, e.id, audit_event_hash(e),"
                + " e.txid::text, e.occurred_at from audit_event e where e.clinic_id = ?"
                + " and (e.txid, e.seq) > (?::xid8, ?) and e.txid < pg_snapshot_xmin(pg_current_snapshot())"
                + " order by e.txid, e.seq limit " + BLOCK_SIZE)) {
            events.setObject(1, clinicId);
            events.setString(2, lastTxid);
            events.setLong(3, lastSeq);
            try (ResultSet row = events.executeQuery()) {
                while (row.next()) {
                    seqs.add(row.getLong(1));
                    ids.add(row.getObject(2, UUID.class));
                    hashes.writeBytes(row.getBytes(3));
                    newestTxid = row.getString(4);
                    java.sql.Timestamp occurredAt = row.getTimestamp(5);
                    if (newest == null || occurredAt.after(newest)) {
                        newest = occurredAt;
                    }
                }
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_seal (clinic_id, block_no,"
                + " previous_hash, block_hash, event_seqs, event_ids, event_hashes, last_txid, last_seq,"
                + " newest_event_at) values (?, ?, ?, ?, ?, ?, ?, ?::xid8, ?, ?)")) {
            insert.setObject(1, clinicId);
            insert.setLong(2, blockNo);
            insert.setBytes(3, previousHash);
            insert.setBytes(4, blockHash(previousHash, hashes.toByteArray()));
            insert.setArray(5, connection.createArrayOf("bigint", seqs.toArray()));
            insert.setArray(6, connection.createArrayOf("uuid", ids.toArray()));
            insert.setBytes(7, hashes.toByteArray());
            insert.setString(8, newestTxid);
            insert.setLong(9, seqs.get(seqs.size() - 1));
            insert.setTimestamp(10, newest);
            insert.executeUpdate();
        }
        return seqs.size();
    }

    /** sha256(previous block's hash || its events' hashes, one after the other in block order). */
    static byte[] blockHash(byte[] previousHash, byte[] eventHashes) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash);
            sha256.update(eventHashes);
            return sha256.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * V10's registry of clinics with data, which every role may read. A clinic that has stored
     * neither a client nor an Idempotency-Key (so only refusals) is sealed when its admin verifies.
     */
    private List<UUID> clinicsWithEvents() throws SQLException {
        List<UUID> clinics = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select clinic_id from clinic order by clinic_id");
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                clinics.add(row.getObject(1, UUID.class));
            }
        }
        return clinics;
    }
}
