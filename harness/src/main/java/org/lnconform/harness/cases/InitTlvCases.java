package org.lnconform.harness.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.InitMaker;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.BigSize;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.message.AddressDescriptor;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.InitTlvs;

/**
 * What the node accepts in our init's TLV stream: networks, remote_addr, unknown records and
 * broken streams (01-messaging.md, The init Message and Type-Length-Value Format, receiving node).
 */
public final class InitTlvCases {

    private static final Bytes FOREIGN_CHAIN = Unknowns.FOREIGN_CHAIN;
    private static final Bytes OTHER_FOREIGN_CHAIN = Unknowns.OTHER_FOREIGN_CHAIN;

    private InitTlvCases() {}

    public static List<ConformanceCase> all() {
        long odd = Unknowns.oddTlvType();
        return List.of(
                CaseBuilder.of("bolt01/init/tlv/networks-matching")
                        .title("networks naming the node's own chains is accepted")
                        .requires("B1-INIT-16", "B1-TLV-12")
                        .must().allow(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> with(ctx, "init whose networks are the node's own", (n, b) ->
                                b.noTlvs().tlv(1, chains(nodeChains(n))).build())),
                CaseBuilder.of("bolt01/init/tlv/networks-foreign")
                        .title("networks with no chain in common may close the connection, but must not leave a zombie")
                        .requires("B1-INIT-16", "LNC-ROBUST-04")
                        .may().anythingButSilent()
                        .body(ctx -> with(ctx, "init whose networks is a foreign chain", (n, b) ->
                                b.noTlvs().tlv(1, FOREIGN_CHAIN.toByteArray()).build())),
                CaseBuilder.of("bolt01/init/tlv/networks-empty")
                        .title("An empty networks list (no common chain) may close the connection, but must not leave a zombie")
                        .requires("B1-INIT-16", "B1-TLV-12", "LNC-ROBUST-04")
                        .may().anythingButSilent()
                        .body(ctx -> with(ctx, "init with an empty networks TLV", (n, b) ->
                                b.noTlvs().tlv(1, new byte[0]).build())),
                CaseBuilder.of("bolt01/init/tlv/networks-one-common-of-several")
                        .title("networks listing foreign chains around one of the node's is accepted: one common chain is enough")
                        .requires("B1-INIT-16", "B1-TLV-12")
                        .must().allow(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> with(ctx, "init whose networks are foreign, the node's own, foreign", (n, b) -> {
                            WireWriter w = new WireWriter().chainHash(FOREIGN_CHAIN).chainHash(nodeChains(n).get(0))
                                    .chainHash(OTHER_FOREIGN_CHAIN);
                            return b.noTlvs().tlv(1, w.toByteArray()).build();
                        })),
                CaseBuilder.of("bolt01/init/tlv/networks-length-31")
                        .title("A networks value of 31 bytes (not a whole chain hash) closes the connection")
                        .requires("B1-TLV-13", "B1-MSG-14")
                        .must().mustClose().inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> unlessItSkipsNetworks(ctx, "bolt01/init/tlv/networks-length-31", with(ctx, "init whose networks is 31 bytes", (n, b) ->
                                b.noTlvs().tlv(1, FOREIGN_CHAIN.slice(0, 31).toByteArray()).build()))),
                CaseBuilder.of("bolt01/init/tlv/networks-length-33")
                        .title("A networks value of 33 bytes (a chain hash and one byte) closes the connection")
                        .requires("B1-TLV-13", "B1-MSG-14")
                        .must().mustClose().inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> unlessItSkipsNetworks(ctx, "bolt01/init/tlv/networks-length-33", with(ctx, "init whose networks is 33 bytes", (n, b) -> {
                            byte[] v = java.util.Arrays.copyOf(chains(nodeChainsOrForeign(n)), 33);
                            return b.noTlvs().tlv(1, v).build();
                        }))),
                CaseBuilder.of("bolt01/init/tlv/remote-addr-ipv4")
                        .title("A remote_addr with a valid IPv4 descriptor is accepted")
                        .requires("B1-TLV-12", "B1-INIT-18")
                        .must().allow(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> with(ctx, "init with remote_addr 203.0.113.7:9735", (n, b) -> b.tlv(3,
                                new AddressDescriptor.Ipv4(Bytes.of(new byte[] {(byte) 203, 0, 113, 7}), 9735)
                                        .encode().toByteArray()).build())),
                CaseBuilder.of("bolt01/init/tlv/remote-addr-ipv6")
                        .title("A remote_addr with a valid IPv6 descriptor is accepted")
                        .requires("B1-TLV-12", "B1-INIT-18")
                        .must().allow(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> with(ctx, "init with remote_addr [2001:db8::7]:9735", (n, b) -> b.tlv(3,
                                new AddressDescriptor.Ipv6(Bytes.fromHex("20010db8000000000000000000000007"), 9735)
                                        .encode().toByteArray()).build())),
                CaseBuilder.of("bolt01/init/tlv/remote-addr-truncated")
                        .title("A remote_addr cut inside its IPv4 descriptor may be refused or ignored, but must not leave a zombie")
                        .requires("LNC-ROBUST-03", "B1-TLV-12")
                        .should().anythingButSilent()
                        .body(ctx -> with(ctx, "init with remote_addr 01cb0071 (IPv4, cut short)", (n, b) ->
                                b.tlv(3, new byte[] {1, (byte) 203, 0, 113}).build())),
                CaseBuilder.of("bolt01/init/tlv/remote-addr-unknown-type")
                        .title("A remote_addr of an undefined descriptor type may be refused or ignored, but must not leave a zombie")
                        .requires("LNC-ROBUST-03", "B1-TLV-12")
                        .should().anythingButSilent()
                        .body(ctx -> with(ctx, "init with remote_addr of descriptor type 200", (n, b) ->
                                b.tlv(3, Bytes.fromHex("c8cb00710720c7").toByteArray()).build())),
                CaseBuilder.of("bolt01/init/tlv/unknown-odd")
                        .title("An unassigned odd init TLV record is skipped")
                        .requires("B1-TLV-16")
                        .must().allow(Outcome.STAYED_UP)
                        .body(ctx -> with(ctx, "init with an unassigned odd TLV record", (n, b) ->
                                b.tlv(odd, new byte[] {0x2a}).build())),
                CaseBuilder.of("bolt01/init/tlv/unknown-even")
                        .title("An unassigned even init TLV record closes the connection")
                        .requires("B1-TLV-15", "B1-MSG-15", "B1-MSG-14")
                        .must().mustClose().inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> unlessItReadsInitTlvs(ctx, "bolt01/init/tlv/unknown-even", with(ctx, "init with an unassigned even TLV record",
                                (n, b) -> b.tlv(Unknowns.evenTlvType(), new byte[] {0x2a}).build()))),
                CaseBuilder.of("bolt01/init/tlv/out-of-order")
                        .title("Init TLV records in decreasing type order close the connection")
                        .requires("B1-TLV-10", "B1-MSG-15", "B1-MSG-14")
                        .must().mustClose().inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> broken(ctx, "bolt01/init/tlv/out-of-order", "init TLV records out of order",
                                new WireWriter().bigSize(odd + 2).bigSize(1).u8(1).bigSize(odd).bigSize(1).u8(2))),
                CaseBuilder.of("bolt01/init/tlv/duplicate")
                        .title("An init TLV type that appears twice closes the connection")
                        .requires("B1-TLV-10", "B1-MSG-15", "B1-MSG-14")
                        .must().mustClose().inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> broken(ctx, "bolt01/init/tlv/duplicate", "init with one TLV type twice",
                                new WireWriter().bigSize(odd).bigSize(1).u8(1).bigSize(odd).bigSize(1).u8(2))),
                CaseBuilder.of("bolt01/init/tlv/type-not-minimal")
                        .title("An init TLV type encoded in a longer BigSize than needed closes the connection")
                        .requires("B1-TLV-09", "B1-BIGSIZE-01", "B1-MSG-14")
                        .must().mustClose().inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> {
                            WireWriter w = new WireWriter();
                            BigSize.write(w, odd, 9);
                            return broken(ctx, "bolt01/init/tlv/type-not-minimal", "init with a TLV type in 9 bytes", w.bigSize(1).u8(0x2a));
                        }),
                CaseBuilder.of("bolt01/init/tlv/length-not-minimal")
                        .title("An init TLV length encoded in a longer BigSize than needed closes the connection")
                        .requires("B1-TLV-09", "B1-BIGSIZE-01", "B1-MSG-14")
                        .must().mustClose().inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> {
                            WireWriter w = new WireWriter().bigSize(odd);
                            BigSize.write(w, 1, 3);
                            return broken(ctx, "bolt01/init/tlv/length-not-minimal", "init with a TLV length in 3 bytes", w.u8(0x2a));
                        }),
                CaseBuilder.of("bolt01/init/tlv/length-exceeds-message")
                        .title("An init TLV whose length runs past the end of the message closes the connection")
                        .requires("B1-TLV-11", "B1-MSG-15", "B1-MSG-14")
                        .must().mustClose().inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> broken(ctx, "bolt01/init/tlv/length-exceeds-message", "init with a TLV of length 10 and 2 bytes",
                                new WireWriter().bigSize(odd).bigSize(10).u8(1).u8(2))),
                CaseBuilder.of("bolt01/init/tlv/truncated-type")
                        .title("An init TLV stream that ends inside a record's type closes the connection")
                        .requires("B1-TLV-11", "B1-MSG-15", "B1-MSG-14")
                        .must().mustClose().inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> broken(ctx, "bolt01/init/tlv/truncated-type", "init ending in 3 of a 5-byte TLV type",
                                new WireWriter().raw(java.util.Arrays.copyOf(BigSize.encode(odd).toByteArray(), 3)))));
    }

    private static Evidence with(CaseContext ctx, String summary, InitMaker maker) throws Exception {
        return ctx.oracle().followUp(ctx.withInit(summary, maker));
    }

    /** A second look at whether the node reads init's TLV stream: the case it stands for and the init it sends. */
    private record Reads(String caseId, String summary, InitMaker init) {}

    private static final List<Reads> READS = List.of(
            new Reads("bolt01/init/tlv/networks-foreign", "init whose networks names only a foreign chain",
                    (n, b) -> b.noTlvs().tlv(1, Unknowns.FOREIGN_CHAIN.toByteArray()).build()),
            new Reads("bolt01/init/tlv/out-of-order", "init TLV records out of order",
                    (n, b) -> b.rawTlvStream(new WireWriter().bigSize(Unknowns.oddTlvType() + 2).bigSize(1).u8(1)
                            .bigSize(Unknowns.oddTlvType()).bigSize(1).u8(2).toByteArray()).build()),
            new Reads("bolt01/init/tlv/unknown-even", "init with an unassigned even TLV record",
                    (n, b) -> b.tlv(Unknowns.evenTlvType(), new byte[] {0x2a}).build()));

    /**
     * B1-MSG-14 and B1-MSG-15 read together. Staying up after an invalid init TLV stream is
     * allowed only to a node that ignores init's extension altogether. So when a case sees the node
     * stay up, it looks again on fresh connections, with inits that other cases send (a foreign
     * networks, records out of order, an unknown even record). If the node reacts to any of them
     * (closes or warns), it reads init's TLV stream, and staying up on this invalid one breaks
     * B1-MSG-15: FAIL, with the other exchange as evidence. If it ignores them all, the wire
     * cannot tell, and the outcome stays inconclusive (INFO).
     */
    private static Evidence unlessItReadsInitTlvs(CaseContext ctx, String ownId, Evidence e) throws Exception {
        if (e.outcome() != Outcome.STAYED_UP && e.outcome() != Outcome.WARNED_STAYED_UP) {
            return e;
        }
        List<String> ignored = new java.util.ArrayList<>();
        for (Reads r : READS) {
            if (r.caseId().equals(ownId)) {
                continue;
            }
            Evidence probe = ctx.oracle().followUp(ctx.withInit(r.summary() + " (does the node read init's TLVs?)",
                    r.init()));
            if (probe.outcome() == Outcome.CLOSED || probe.outcome() == Outcome.ERROR_THEN_CLOSED
                    || probe.outcome() == Outcome.WARNED_STAYED_UP) {
                return Evidence.violates(e.observed() + ". Yet the node reads init's TLV stream: on another connection,"
                        + " an " + r.summary() + " made it react (" + probe.observed() + "; see " + r.caseId()
                        + "). A node that reads the extension must close on an invalid one (B1-MSG-15)");
            }
            ignored.add(r.summary());
        }
        return Evidence.of(e.outcome(), e.observed() + ". It also ignored " + String.join(", ", ignored)
                + ", so it may be ignoring init's extension altogether, which B1-MSG-14 allows");
    }

    /** The node's networks record, as the node would want it, then {@code tail} verbatim. */
    /**
     * A node whose own init carries no {@code networks} may not implement the record: to it type 1
     * is an unknown odd record, which B1-TLV-16 has it skip. Staying up is then no finding, even
     * from a node that reads init's TLV stream; the outcome stays inconclusive with that reason.
     */
    private static Evidence unlessItSkipsNetworks(CaseContext ctx, String ownId, Evidence e) throws Exception {
        Evidence judged = unlessItReadsInitTlvs(ctx, ownId, e);
        if (judged.outcome() != Outcome.VIOLATES) {
            return judged;
        }
        Init nodeInit = ctx.ready().nodeInit();
        if (nodeInit.tlvs().record(InitTlvs.NETWORKS.type()).isPresent()) {
            return judged;
        }
        return Evidence.of(e.outcome(), e.observed() + ". The node reads init's TLV stream, but its own init carries no"
                + " networks record, so it may not implement networks: to such a node type 1 is an unknown odd record,"
                + " which it must skip (B1-TLV-16). No finding");
    }

    private static Evidence broken(CaseContext ctx, String ownId, String summary, WireWriter tail) throws Exception {
        return unlessItReadsInitTlvs(ctx, ownId, brokenStream(ctx, summary, tail));
    }

    private static Evidence brokenStream(CaseContext ctx, String summary, WireWriter tail) throws Exception {
        return with(ctx, summary, (n, b) -> {
            WireWriter w = new WireWriter();
            List<Bytes> own = ownNetworks(n);
            if (!own.isEmpty()) {
                w.bigSize(InitTlvs.NETWORKS.type()).bigSize(32L * own.size()).raw(chains(own));
            }
            return b.rawTlvStream(w.raw(tail.toByteArray()).toByteArray()).build();
        });
    }

    /** The chains in the node's networks; the case needs at least one. */
    static List<Bytes> nodeChains(Init nodeInit) throws Unsupported {
        List<Bytes> own = ownNetworks(nodeInit);
        if (own.isEmpty()) {
            throw new Unsupported("the node's init names no networks, so there is no chain of its own to send back");
        }
        return own;
    }

    private static List<Bytes> nodeChainsOrForeign(Init nodeInit) {
        List<Bytes> own = ownNetworks(nodeInit);
        return own.isEmpty() ? List.of(FOREIGN_CHAIN) : own;
    }

    private static List<Bytes> ownNetworks(Init nodeInit) {
        try {
            return nodeInit.networks().orElse(List.of());
        } catch (WireException e) {
            return List.of();
        }
    }

    private static byte[] chains(List<Bytes> chains) {
        WireWriter w = new WireWriter();
        chains.forEach(w::chainHash);
        return w.toByteArray();
    }
}
