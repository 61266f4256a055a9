package com.homeworkapi.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Checks a clinic's chain of sealed blocks from its oldest kept block (older ones may have
 * been deleted after the retention; that block's previous hash is then taken as given): each
 * block follows the one before and hashes to what it says, each event it lists is there with
 * the hash it had when sealed, and no event sits behind the sealed end of the chain unsealed.
 */
@ApplicationScoped
class AuditVerifier {

    @Inject
    ClinicConnections connections;

    VerificationResponse verify(UUID clinicId, Instant now) throws SQLException {
        return connections.inClinic(clinicId, connection -> verify(connection, clinicId, now));
    }

    private static VerificationResponse verify(Connection connection, UUID clinicId, Instant now)
            throws SQLException {
        List<VerificationResponse.Finding> findings = new ArrayList<>();
        long blocks = 0;
        long events = 0;
        Long firstBlock = null;
        Long lastBlock = null;
        byte[] head = null;
        String lastTxid = "0";
        long lastSeq = 0;
        try (PreparedStatement query = connection.prepareStatement("select block_no, previous_hash, block_hash,"
                + " event_hashes, last_txid::text, last_seq from audit_seal where clinic_id = ? order by block_no")) {
            query.setObject(1, clinicId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long blockNo = row.getLong(1);
                    byte[] previousHash = row.getBytes(2);
                    byte[] blockHash = row.getBytes(3);
                    byte[] eventHashes = row.getBytes(4);
                    if (lastBlock != null && (blockNo != lastBlock + 1 || !Arrays.equals(previousHash, head))) {
                        findings.add(VerificationResponse.Finding.ofBlock(blockNo, "chain_broken"));
                    }
                    if (!Arrays.equals(blockHash, AuditSealer.blockHash(previousHash, eventHashes))) {
                        findings.add(VerificationResponse.Finding.ofBlock(blockNo, "block_altered"));
                    }
                    firstBlock = firstBlock == null ? blockNo : firstBlock;
                    lastBlock = blockNo;
                    head = blockHash;
                    lastTxid = row.getString(5);
                    lastSeq = row.getLong(6);
                    blocks++;
                    events += eventHashes.length / AuditSealer.HASH_BYTES;
                }
            }
        }
        // Each sealed event as it was sealed: present, the same id, the same hash.
        try (PreparedStatement query = connection.prepareStatement("select s.block_no, x.seq, x.id,"
                + " case when e.seq is null then 'event_missing' else 'event_altered' end"
                + " from audit_seal s cross join unnest(s.event_seqs, s.event_ids) with ordinality as x(seq, id, n)"
                + " left join audit_event e on e.clinic_id = s.clinic_id and e.seq = x.seq"
                + " where s.clinic_id = ? and (e.seq is null or e.id <> x.id or audit_event_hash(e)"
                + " <> substring(s.event_hashes from (x.n::int - 1) * " + AuditSealer.HASH_BYTES + " + 1 for "
                + AuditSealer.HASH_BYTES + ")) order by s.block_no, x.seq")) {
            query.setObject(1, clinicId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    findings.add(new VerificationResponse.Finding(row.getLong(1), row.getObject(3, UUID.class),
                            row.getLong(2), row.getString(4)));
                }
            }
        }
        // An event behind the sealed end that no block lists was slipped in afterwards.
        try (PreparedStatement query = connection.prepareStatement("select e.seq, e.id from audit_event e"
                + " where e.clinic_id = ? and (e.txid, e.seq) <= (?::xid8, ?) and e.seq not in"
                + " (select unnest(s.event_seqs) from audit_seal s where s.clinic_id = ?) order by e.seq")) {
            query.setObject(1, clinicId);
            query.setString(2, lastTxid);
            query.setLong(3, lastSeq);
            query.setObject(4, clinicId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    findings.add(new VerificationResponse.Finding(null, row.getObject(2, UUID.class),
                            row.getLong(1), "event_not_sealed"));
                }
            }
        }
        long unsealed;
        try (PreparedStatement query = connection.prepareStatement("select count(*) from audit_event e"
                + " where e.clinic_id = ? and (e.txid, e.seq) > (?::xid8, ?)")) {
            query.setObject(1, clinicId);
            query.setString(2, lastTxid);
            query.setLong(3, lastSeq);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                unsealed = row.getLong(1);
            }
        }
        return new VerificationResponse(findings.isEmpty(), now, blocks, events, unsealed, firstBlock, lastBlock,
                head == null ? null : HexFormat.of().formatHex(head), findings);
    }
}
