package org.lnconform.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.noise.TransportDecryptor;
import org.lnconform.noise.TransportEncryptor;
import org.lnconform.noise.TransportException;
import org.lnconform.noise.crypto.ChaChaPoly;

/**
 * What a stream reader does with BOLT 8 frames arriving in arbitrary pieces: accumulate the
 * 18-byte header, decrypt the length, accumulate the body and its tag, decrypt the body. A
 * piece that holds a whole header or body is decrypted in place (at its offset), otherwise the
 * bytes are copied into a buffer first, so both paths of the decryptor's API are used.
 */
final class FragmentingReader {

    private final TransportDecryptor decryptor;
    private final List<byte[]> messages = new ArrayList<>();
    private final byte[] header = new byte[TransportEncryptor.HEADER_LENGTH];
    private int headerFill;
    private byte[] body;
    private int bodyFill;

    FragmentingReader(TransportDecryptor decryptor) {
        this.decryptor = decryptor;
    }

    /** Messages decrypted so far, in order. */
    List<byte[]> messages() {
        return messages;
    }

    void feed(byte[] buf, int off, int len) throws TransportException {
        while (len > 0) {
            int used = body == null ? feedHeader(buf, off, len) : feedBody(buf, off, len);
            off += used;
            len -= used;
        }
    }

    private int feedHeader(byte[] buf, int off, int len) throws TransportException {
        int bodyLength;
        int used;
        if (headerFill == 0 && len >= header.length) {
            bodyLength = decryptor.decryptLength(buf, off, header.length);
            used = header.length;
        } else {
            used = Math.min(header.length - headerFill, len);
            System.arraycopy(buf, off, header, headerFill, used);
            headerFill += used;
            if (headerFill < header.length) {
                return used;
            }
            headerFill = 0;
            bodyLength = decryptor.decryptLength(header);
        }
        body = new byte[bodyLength + ChaChaPoly.TAG_LENGTH];
        bodyFill = 0;
        return used;
    }

    private int feedBody(byte[] buf, int off, int len) throws TransportException {
        if (bodyFill == 0 && len >= body.length) {
            byte[] plain = new byte[body.length - ChaChaPoly.TAG_LENGTH];
            decryptor.decryptBody(buf, off, body.length, plain, 0);
            int used = body.length;
            finish(plain);
            return used;
        }
        int used = Math.min(body.length - bodyFill, len);
        System.arraycopy(buf, off, body, bodyFill, used);
        bodyFill += used;
        if (bodyFill == body.length) {
            finish(decryptor.decryptBody(body));
        }
        return used;
    }

    private void finish(byte[] plain) {
        messages.add(plain);
        body = null;
    }
}
