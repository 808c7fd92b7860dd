package org.lnconform.wire.message;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;

/**
 * A BOLT 7 {@code address descriptor}: a 1-byte type and its data, as carried by the
 * {@code init} TLV {@code remote_addr} (B1-INIT-09) and in {@code node_announcement}.
 */
public sealed interface AddressDescriptor {

    /** The descriptor type byte. */
    int type();

    /** Writes the data that follows the type byte. */
    void writeData(WireWriter out);

    /** Type byte and data. */
    default Bytes encode() {
        WireWriter out = new WireWriter().u8(type());
        writeData(out);
        return out.toBytes();
    }

    /** Type 1: 4-byte IPv4 address and port. */
    record Ipv4(Bytes address, int port) implements AddressDescriptor {
        public Ipv4 {
            check(address, 4, port);
        }

        @Override
        public int type() {
            return 1;
        }

        @Override
        public void writeData(WireWriter out) {
            out.bytes(address).u16(port);
        }

        @Override
        public String toString() {
            return hostString(address) + ":" + port;
        }
    }

    /** Type 2: 16-byte IPv6 address and port. */
    record Ipv6(Bytes address, int port) implements AddressDescriptor {
        public Ipv6 {
            check(address, 16, port);
        }

        @Override
        public int type() {
            return 2;
        }

        @Override
        public void writeData(WireWriter out) {
            out.bytes(address).u16(port);
        }

        @Override
        public String toString() {
            return "[" + hostString(address) + "]:" + port;
        }
    }

    /** Type 3: deprecated Tor v2 onion service, 12 bytes kept raw. */
    record TorV2(Bytes data) implements AddressDescriptor {
        public TorV2 {
            if (data.size() != 12) {
                throw new IllegalArgumentException("a Tor v2 descriptor has 12 data bytes, not " + data.size());
            }
        }

        @Override
        public int type() {
            return 3;
        }

        @Override
        public void writeData(WireWriter out) {
            out.bytes(data);
        }
    }

    /** Type 4: Tor v3 onion service, 35 bytes (public key, checksum, version) and port. */
    record TorV3(Bytes onion, int port) implements AddressDescriptor {
        public TorV3 {
            check(onion, 35, port);
        }

        @Override
        public int type() {
            return 4;
        }

        @Override
        public void writeData(WireWriter out) {
            out.bytes(onion).u16(port);
        }
    }

    /** Type 5: an ASCII DNS host name (at most 255 bytes) and port. */
    record Dns(String hostname, int port) implements AddressDescriptor {
        public Dns {
            Objects.requireNonNull(hostname, "hostname");
            if (hostname.length() > 255 || !StandardCharsets.US_ASCII.newEncoder().canEncode(hostname)) {
                throw new IllegalArgumentException("hostname must be ASCII and at most 255 bytes: " + hostname);
            }
            check(Bytes.empty(), 0, port);
        }

        @Override
        public int type() {
            return 5;
        }

        @Override
        public void writeData(WireWriter out) {
            byte[] name = hostname.getBytes(StandardCharsets.US_ASCII);
            out.u8(name.length).raw(name).u16(port);
        }

        @Override
        public String toString() {
            return hostname + ":" + port;
        }
    }

    /** Any other type; its length is unknowable, so the data is everything after the type byte. */
    record Unknown(int type, Bytes data) implements AddressDescriptor {
        public Unknown {
            Objects.requireNonNull(data, "data");
            if (type < 0 || type > 0xff) {
                throw new IllegalArgumentException("descriptor type " + type + " does not fit a byte");
            }
        }

        @Override
        public void writeData(WireWriter out) {
            out.bytes(data);
        }
    }

    /** Parses one descriptor that fills {@code bytes} exactly. */
    static AddressDescriptor parse(Bytes bytes) throws WireException {
        WireReader in = new WireReader(bytes);
        String f = "address_descriptor";
        int type = in.u8(f + ".type");
        AddressDescriptor result = switch (type) {
            case 1 -> new Ipv4(in.bytes(4, f + ".ipv4_addr"), in.u16(f + ".port"));
            case 2 -> new Ipv6(in.bytes(16, f + ".ipv6_addr"), in.u16(f + ".port"));
            case 3 -> new TorV2(in.bytes(12, f + ".torv2"));
            case 4 -> new TorV3(in.bytes(35, f + ".onion_addr"), in.u16(f + ".port"));
            case 5 -> parseDns(in, f);
            default -> new Unknown(type, in.remainingBytes(f + ".data"));
        };
        in.requireEnd(f);
        return result;
    }

    private static Dns parseDns(WireReader in, String f) throws WireException {
        int len = in.u8(f + ".hostname_len");
        int at = in.position();
        Bytes name = in.bytes(len, f + ".hostname");
        for (int i = 0; i < name.size(); i++) {
            if (name.getUnsigned(i) > 127) {
                // BOLT 7: host names are ASCII, non-ASCII names use Punycode.
                throw new WireException(DecodeError.BAD_FIELD_VALUE, at + i, f + ".hostname",
                        "byte 0x" + Integer.toHexString(name.getUnsigned(i)) + " is not ASCII",
                        "BOLT 7, node_announcement: hostname bytes must be ASCII", null);
            }
        }
        return new Dns(new String(name.toByteArray(), StandardCharsets.US_ASCII), in.u16(f + ".port"));
    }

    private static void check(Bytes address, int size, int port) {
        if (address.size() != size) {
            throw new IllegalArgumentException("address is " + size + " bytes, not " + address.size());
        }
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port " + port + " does not fit a u16");
        }
    }

    private static String hostString(Bytes address) {
        try {
            return InetAddress.getByAddress(address.toByteArray()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the length was checked
        }
    }
}
