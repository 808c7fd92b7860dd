package org.lnconform.harness.cases;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.oracle.Oracle;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.feature.Feature;
import org.lnconform.wire.feature.FeatureContext;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AddressDescriptor;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.InitTlvs;

/**
 * The init the node sends (01-messaging.md, The init Message, sending node; 09-features.md,
 * Requirements, origin node). Each case reads the node's init from the raw plaintext and judges
 * one rule, so a node that breaks several gets one finding per rule.
 */
public final class InitSentCases {


    private InitSentCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt01/init/sent/first-message")
                        .title("The node's first message after the handshake is init, with nothing before it")
                        .requires("B1-INIT-02")
                        .must().allow(Outcome.CONFORMS)
                        .body(InitSentCases::firstMessage),
                CaseBuilder.of("bolt01/init/sent/waits-for-peer-init")
                        .title("While our init is held back the node sends nothing after its own; once it arrives, it answers a ping")
                        .requires("B1-INIT-11")
                        .must().allow(Outcome.CONFORMS)
                        .body(InitSentCases::waitsForPeerInit),
                CaseBuilder.of("bolt01/init/sent/features-minimal-length")
                        .title("The node's features field has no leading zero byte")
                        .requires("B1-INIT-06")
                        .should().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::featuresMinimal)),
                CaseBuilder.of("bolt01/init/sent/no-undefined-bits")
                        .title("Every feature bit the node sets, in either field, is assigned in the BOLT 9 table")
                        .requires("B1-INIT-04", "B1-INIT-03")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::noUndefinedBits)),
                CaseBuilder.of("bolt01/init/sent/globalfeatures-at-most-bit-13")
                        .title("The node sets no bit above 13 in globalfeatures")
                        .requires("B1-INIT-05")
                        .should().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::globalAtMost13)),
                CaseBuilder.of("bolt09/init/sent/dependencies-set")
                        .title("Every feature the node offers comes with all its (transitive) dependencies")
                        .requires("B9-ORIG-06", "B1-INIT-03")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::dependenciesSet)),
                CaseBuilder.of("bolt09/init/sent/not-both-bits")
                        .title("The node never sets both the optional and the mandatory bit of one feature")
                        .requires("B9-ORIG-05", "B1-INIT-03")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::notBothBits)),
                CaseBuilder.of("bolt09/init/sent/context-allows-init")
                        .title("The node sets no feature whose BOLT 9 context leaves out init (e.g. invoice-only 48/49)")
                        .requires("B9-ORIG-04", "B1-INIT-03")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::contextAllowsInit)),
                CaseBuilder.of("bolt01/init/sent/tlvs-strictly-increasing")
                        .title("The node's init TLV records come in strictly increasing type order, each type once")
                        .requires("B1-TLV-01", "B1-TLV-02")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::tlvsIncreasing)),
                CaseBuilder.of("bolt01/init/sent/tlvs-minimally-encoded")
                        .title("The node encodes each init TLV type and length as a minimal BigSize")
                        .requires("B1-TLV-03")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::tlvsMinimal)),
                CaseBuilder.of("bolt01/init/sent/no-unknown-even-tlv")
                        .title("The node's init carries no even TLV type that init_tlvs does not define")
                        .requires("B1-MSG-03")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::noUnknownEvenTlv)),
                CaseBuilder.of("bolt01/init/sent/networks-well-formed")
                        .title("If the node sends networks, it is a whole number of 32-byte chain hashes")
                        .requires("LNC-WIRE-01", "B1-INIT-07")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::networksWellFormed)),
                CaseBuilder.of("bolt01/init/sent/remote-addr-valid")
                        .title("If the node sends remote_addr, it is exactly one valid BOLT 7 address descriptor")
                        .requires("B1-INIT-09")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::remoteAddrValid)),
                CaseBuilder.of("bolt01/init/sent/remote-addr-not-private")
                        .title("If the node sends remote_addr, it is not a private, loopback or link-local address")
                        .requires("B1-INIT-10")
                        .should().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, InitSentCases::remoteAddrNotPrivate)));
    }

    /** A check on the node's init as sent. */
    @FunctionalInterface
    interface InitCheck {
        Evidence check(NodeInitBytes init, FeatureTable table);
    }

    private static Evidence judge(CaseContext ctx, InitCheck check) throws CaseError {
        ProbeSession s = ctx.handshakeOk();
        return check.check(NodeInitBytes.read(ctx, s), ctx.features());
    }

    private static Evidence firstMessage(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.handshakeOk();
        Incoming first = s.read(ctx.bounds().init());
        if (first instanceof Incoming.Message m && m.type() == Init.TYPE) {
            return Evidence.conforms("the first message was init (" + m.plaintext().length + " bytes)");
        }
        return Evidence.violates("the first message was not init: " + CaseContext.describe(first));
    }

    private static Evidence waitsForPeerInit(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.handshakeOk();
        Init nodeInit = ctx.readNodeInit(s);
        Incoming early = s.read(Oracle.QUIET);
        if (early instanceof Incoming.Message) {
            return Evidence.violates("before our init arrived the node sent " + CaseContext.describe(early));
        }
        if (early instanceof Incoming.Closed) {
            throw new CaseError("the node closed within " + Oracle.QUIET.toMillis() + " ms of its init, before ours was sent");
        }
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, ctx.features()).build(),
                "init compatible with the node's, " + Oracle.QUIET.toMillis() + " ms late");
        Evidence alive = ctx.oracle().followUp(s);
        if (alive.outcome() == Outcome.STAYED_UP || alive.outcome() == Outcome.WARNED_STAYED_UP) {
            return Evidence.conforms("the node sent nothing for " + Oracle.QUIET.toMillis()
                    + " ms while our init was held back; then " + alive.observed());
        }
        // quiet, but never shown to be alive: a silence alone proves nothing
        return alive;
    }

    private static Evidence featuresMinimal(NodeInitBytes init, FeatureTable table) {
        Bytes f = init.features();
        if (f.isEmpty() || f.get(0) != 0) {
            return Evidence.conforms("features is " + f.size() + " byte(s), the minimum for its bits");
        }
        return Evidence.violates("features is " + f.size() + " bytes (" + f.hex() + ") but "
                + FeatureVector.fromBytes(f).minimalLength() + " would hold its bits");
    }

    private static Evidence noUndefinedBits(NodeInitBytes init, FeatureTable table) {
        List<Integer> undefined = init.combinedFeatures().bits().stream().filter(b -> !table.isKnown(b)).toList();
        return undefined.isEmpty()
                ? Evidence.conforms("every set bit is assigned: " + init.combinedFeatures().bits())
                : Evidence.violates("bits not assigned in BOLT 9 are set: " + undefined);
    }

    private static Evidence globalAtMost13(NodeInitBytes init, FeatureTable table) {
        List<Integer> above = FeatureVector.fromBytes(init.globalFeatures()).bits().stream()
                .filter(b -> b > 13).toList();
        return above.isEmpty()
                ? Evidence.conforms("globalfeatures holds bits " + FeatureVector.fromBytes(init.globalFeatures()).bits())
                : Evidence.violates("globalfeatures sets bits above 13: " + above);
    }

    private static Evidence dependenciesSet(NodeInitBytes init, FeatureTable table) {
        FeatureVector v = init.combinedFeatures();
        List<String> missing = new ArrayList<>();
        List<String> assumed = new ArrayList<>();
        for (Feature f : table.features()) {
            if (!f.isOfferedIn(v)) {
                continue;
            }
            for (Feature dep : table.transitiveDependencies(f)) {
                if (dep.isOfferedIn(v)) {
                    continue;
                }
                // BOLT 9: ASSUMED features are present everywhere; a dependency on one counts as met.
                (dep.assumed() ? assumed : missing).add(f + " without " + dep);
            }
        }
        String note = assumed.isEmpty() ? "" : " (ASSUMED dependencies not set, counted as met: " + assumed + ")";
        return missing.isEmpty()
                ? Evidence.conforms("every offered feature has its dependencies" + note)
                : Evidence.violates("dependencies missing: " + missing + note);
    }

    private static Evidence notBothBits(NodeInitBytes init, FeatureTable table) {
        FeatureVector v = init.combinedFeatures();
        List<String> both = new ArrayList<>();
        for (int bit : v.bits()) {
            if (bit % 2 == 0 && v.isSet(bit + 1)) {
                both.add(table.byBit(bit).map(Feature::toString).orElse("unassigned pair " + bit + "/" + (bit + 1)));
            }
        }
        return both.isEmpty() ? Evidence.conforms("no feature has both bits set")
                : Evidence.violates("both bits set for " + both);
    }

    private static Evidence contextAllowsInit(NodeInitBytes init, FeatureTable table) {
        FeatureVector v = init.combinedFeatures();
        List<String> excluded = new ArrayList<>();
        List<String> contextless = new ArrayList<>();
        for (Feature f : table.features()) {
            if (!f.isOfferedIn(v)) {
                continue;
            }
            if (f.contexts().isEmpty()) {
                contextless.add(f.toString());
            } else if (!f.isIn(FeatureContext.INIT)) {
                excluded.add(f + " (context " + f.contexts().stream().map(FeatureContext::letter).sorted().toList() + ")");
            }
        }
        // ASSUMED features and gossip_queries have an empty Context since 2025; nodes still send them,
        // so they are only noted (requirements.md, note 1).
        String note = contextless.isEmpty() ? "" : "; context-less bits, only noted: " + contextless;
        return excluded.isEmpty() ? Evidence.conforms("every offered feature may appear in init" + note)
                : Evidence.violates("features whose context excludes init: " + excluded + note);
    }

    private static Evidence tlvsIncreasing(NodeInitBytes init, FeatureTable table) {
        List<NodeInitBytes.RawTlv> tlvs = init.tlvs();
        for (int i = 1; i < tlvs.size(); i++) {
            int order = Long.compareUnsigned(tlvs.get(i).type(), tlvs.get(i - 1).type());
            if (order <= 0) {
                return Evidence.violates((order == 0 ? "type repeated: " : "types decrease: ")
                        + Long.toUnsignedString(tlvs.get(i - 1).type()) + " then "
                        + Long.toUnsignedString(tlvs.get(i).type()) + " (records: " + types(init) + ")");
            }
        }
        return Evidence.conforms("TLV types in order: " + types(init) + cut(init));
    }

    private static Evidence tlvsMinimal(NodeInitBytes init, FeatureTable table) {
        List<NodeInitBytes.RawTlv> bad = init.tlvs().stream().filter(t -> !t.minimal()).toList();
        return bad.isEmpty() ? Evidence.conforms("every TLV type and length is minimal: " + types(init) + cut(init))
                : Evidence.violates("non-minimal BigSize in " + bad);
    }

    private static Evidence noUnknownEvenTlv(NodeInitBytes init, FeatureTable table) {
        List<String> even = init.tlvs().stream()
                .filter(t -> (t.type() & 1) == 0 && InitTlvs.NAMESPACE.field(t.type()).isEmpty())
                .map(t -> Long.toUnsignedString(t.type())).toList();
        return even.isEmpty() ? Evidence.conforms("TLV types sent: " + types(init))
                : Evidence.violates("even TLV types init_tlvs does not define: " + even);
    }

    private static Evidence networksWellFormed(NodeInitBytes init, FeatureTable table) {
        Optional<NodeInitBytes.RawTlv> n = init.record(InitTlvs.NETWORKS.type());
        if (n.isEmpty()) {
            return Evidence.conforms("no networks TLV sent" + cut(init));
        }
        long len = n.get().length();
        return len % 32 == 0 ? Evidence.conforms("networks holds " + len / 32 + " chain hash(es)")
                : Evidence.violates("networks is " + len + " bytes, not a multiple of 32");
    }

    private static Evidence remoteAddrValid(NodeInitBytes init, FeatureTable table) {
        Optional<NodeInitBytes.RawTlv> r = init.record(InitTlvs.REMOTE_ADDR.type());
        if (r.isEmpty()) {
            return Evidence.conforms("no remote_addr sent" + cut(init));
        }
        Bytes raw = r.get().value();
        try {
            AddressDescriptor a = AddressDescriptor.parse(raw);
            String why = whyInvalid(a);
            return why == null ? Evidence.conforms("remote_addr is " + a)
                    : Evidence.violates("remote_addr " + raw.hex() + ": " + why);
        } catch (WireException e) {
            return Evidence.violates("remote_addr " + raw.hex() + " is not one whole address descriptor: "
                    + e.field() + ": " + e.detail());
        }
    }

    /** BOLT 7, node_announcement: the defined descriptor types, with a non-zero port for 1, 2 and 5. */
    static String whyInvalid(AddressDescriptor a) {
        if (a instanceof AddressDescriptor.Unknown u) {
            return "descriptor type " + u.type() + " is not defined in BOLT 7";
        }
        if (a instanceof AddressDescriptor.TorV2) {
            return "type 3 (Tor v2) is deprecated in BOLT 7";
        }
        int port = a instanceof AddressDescriptor.Ipv4 v4 ? v4.port()
                : a instanceof AddressDescriptor.Ipv6 v6 ? v6.port()
                : a instanceof AddressDescriptor.Dns d ? d.port() : -1;
        return port == 0 ? "port 0 (BOLT 7: MUST NOT for types 1, 2 and 5)" : null;
    }

    private static Evidence remoteAddrNotPrivate(NodeInitBytes init, FeatureTable table) {
        Optional<NodeInitBytes.RawTlv> r = init.record(InitTlvs.REMOTE_ADDR.type());
        if (r.isEmpty()) {
            return Evidence.conforms("no remote_addr sent");
        }
        try {
            AddressDescriptor a = AddressDescriptor.parse(r.get().value());
            Optional<String> kind = privateKind(a);
            return kind.isEmpty() ? Evidence.conforms("remote_addr " + a + " is not a private address")
                    : Evidence.violates("remote_addr " + a + " is a " + kind.get() + " address");
        } catch (WireException e) {
            return Evidence.conforms("remote_addr is not a parsable descriptor (judged by remote-addr-valid)");
        }
    }

    /** Loopback, RFC 1918 / site-local, link-local, unspecified, or IPv6 unique-local (fc00::/7). */
    static Optional<String> privateKind(AddressDescriptor a) {
        Bytes addr = a instanceof AddressDescriptor.Ipv4 v4 ? v4.address()
                : a instanceof AddressDescriptor.Ipv6 v6 ? v6.address() : null;
        if (addr == null) {
            return Optional.empty();
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByAddress(addr.toByteArray());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (ip.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (ip.isSiteLocalAddress()) {
            return Optional.of("private (site-local)");
        }
        if (ip.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (ip.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (ip instanceof Inet6Address && (addr.getUnsigned(0) & 0xfe) == 0xfc) {
            return Optional.of("unique-local (private)");
        }
        return Optional.empty();
    }

    private static String types(NodeInitBytes init) {
        return init.tlvs().stream().map(t -> Long.toUnsignedString(t.type())).toList().toString();
    }

    private static String cut(NodeInitBytes init) {
        return init.streamProblem() == null ? "" : " (" + init.streamProblem() + ")";
    }
}
