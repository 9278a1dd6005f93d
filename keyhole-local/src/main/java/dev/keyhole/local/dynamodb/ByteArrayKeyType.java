package dev.keyhole.local.dynamodb;

import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** MVStore keys and values as byte arrays, keys ordered by unsigned bytes. */
final class ByteArrayKeyType extends BasicDataType<byte[]> {

    static final ByteArrayKeyType INSTANCE = new ByteArrayKeyType();

    private ByteArrayKeyType() {}

    @Override
    public int compare(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    @Override
    public int getMemory(byte[] obj) {
        return 24 + obj.length;
    }

    @Override
    public void write(WriteBuffer buff, byte[] obj) {
        buff.putVarInt(obj.length);
        buff.put(obj);
    }

    @Override
    public byte[] read(ByteBuffer buff) {
        int len = DataUtils.readVarInt(buff);
        byte[] out = new byte[len];
        buff.get(out);
        return out;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}
