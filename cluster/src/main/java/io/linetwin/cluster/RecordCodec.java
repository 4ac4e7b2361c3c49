package io.linetwin.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compact binary form of the engine's value records (results, line states, experiment specs), read and written
 * through their components, so a record that gains a component needs no codec change. Doubles travel as their
 * exact bits and maps and lists keep their order: a decoded record equals the original, and what is computed from
 * it is bit for bit the same. The static type of each component drives the encoding; only where it is an
 * interface (a sealed family such as {@code MachineCondition}) is the concrete record's name written.
 */
final class RecordCodec {

    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    private record RecordShape(RecordComponent[] components, Constructor<?> constructor) {}

    private RecordCodec() {}

    static void write(DataOutputStream out, Class<?> type, Object value) throws IOException {
        write(out, (Type) type, value);
    }

    static <T> T read(DataInputStream in, Class<T> type) throws IOException {
        return type.cast(read(in, (Type) type));
    }

    private static void write(DataOutputStream out, Type type, Object value) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            writePrimitive(out, raw, value);
            return;
        }
        if (value == null) {
            out.writeBoolean(false);
            return;
        }
        out.writeBoolean(true);
        if (raw == String.class) {
            writeString(out, (String) value);
        } else if (raw == Double.class) {
            out.writeDouble((Double) value);
        } else if (raw == Integer.class) {
            out.writeInt((Integer) value);
        } else if (raw == Long.class) {
            out.writeLong((Long) value);
        } else if (raw == Boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (raw.isEnum()) {
            writeString(out, ((Enum<?>) value).name());
        } else if (raw == Instant.class) {
            Instant instant = (Instant) value;
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        } else if (raw == Optional.class) {
            Optional<?> optional = (Optional<?>) value;
            out.writeBoolean(optional.isPresent());
            if (optional.isPresent()) {
                write(out, argument(type, 0), optional.get());
            }
        } else if (raw == OptionalDouble.class) {
            OptionalDouble optional = (OptionalDouble) value;
            out.writeBoolean(optional.isPresent());
            if (optional.isPresent()) {
                out.writeDouble(optional.getAsDouble());
            }
        } else if (raw == OptionalInt.class) {
            OptionalInt optional = (OptionalInt) value;
            out.writeBoolean(optional.isPresent());
            if (optional.isPresent()) {
                out.writeInt(optional.getAsInt());
            }
        } else if (raw == OptionalLong.class) {
            OptionalLong optional = (OptionalLong) value;
            out.writeBoolean(optional.isPresent());
            if (optional.isPresent()) {
                out.writeLong(optional.getAsLong());
            }
        } else if (raw == List.class || raw == Set.class || raw == Collection.class) {
            Collection<?> items = (Collection<?>) value;
            out.writeInt(items.size());
            for (Object item : items) {
                write(out, argument(type, 0), item);
            }
        } else if (raw == Map.class) {
            Map<?, ?> map = (Map<?, ?>) value;
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(out, argument(type, 0), entry.getKey());
                write(out, argument(type, 1), entry.getValue());
            }
        } else if (raw == double[].class) {
            double[] values = (double[]) value;
            out.writeInt(values.length);
            for (double v : values) {
                out.writeDouble(v);
            }
        } else if (raw.isRecord()) {
            writeRecord(out, raw, value);
        } else if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            if (!value.getClass().isRecord()) {
                throw unsupported(value.getClass());
            }
            writeString(out, value.getClass().getName());
            writeRecord(out, value.getClass(), value);
        } else {
            throw unsupported(raw);
        }
    }

    private static void writeRecord(DataOutputStream out, Class<?> type, Object value) throws IOException {
        for (RecordComponent component : shape(type).components()) {
            Object part;
            try {
                part = component.getAccessor().invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + component.getName(), e);
            }
            write(out, component.getGenericType(), part);
        }
    }

    private static Object read(DataInputStream in, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            return readPrimitive(in, raw);
        }
        if (!in.readBoolean()) {
            return null;
        }
        if (raw == String.class) {
            return readString(in);
        } else if (raw == Double.class) {
            return in.readDouble();
        } else if (raw == Integer.class) {
            return in.readInt();
        } else if (raw == Long.class) {
            return in.readLong();
        } else if (raw == Boolean.class) {
            return in.readBoolean();
        } else if (raw.isEnum()) {
            return enumConstant(raw, readString(in));
        } else if (raw == Instant.class) {
            return Instant.ofEpochSecond(in.readLong(), in.readInt());
        } else if (raw == Optional.class) {
            return in.readBoolean() ? Optional.ofNullable(read(in, argument(type, 0))) : Optional.empty();
        } else if (raw == OptionalDouble.class) {
            return in.readBoolean() ? OptionalDouble.of(in.readDouble()) : OptionalDouble.empty();
        } else if (raw == OptionalInt.class) {
            return in.readBoolean() ? OptionalInt.of(in.readInt()) : OptionalInt.empty();
        } else if (raw == OptionalLong.class) {
            return in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
        } else if (raw == List.class || raw == Collection.class) {
            int size = size(in);
            List<Object> items = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(read(in, argument(type, 0)));
            }
            return items;
        } else if (raw == Set.class) {
            int size = size(in);
            Set<Object> items = new LinkedHashSet<>();
            for (int i = 0; i < size; i++) {
                items.add(read(in, argument(type, 0)));
            }
            return items;
        } else if (raw == Map.class) {
            int size = size(in);
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                Object key = read(in, argument(type, 0));
                map.put(key, read(in, argument(type, 1)));
            }
            return map;
        } else if (raw == double[].class) {
            double[] values = new double[size(in)];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readDouble();
            }
            return values;
        } else if (raw.isRecord()) {
            return readRecord(in, raw);
        } else if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            String name = readString(in);
            Class<?> concrete;
            try {
                concrete = Class.forName(name, false, raw.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException("unknown record " + name + " for " + raw.getName(), e);
            }
            if (!raw.isAssignableFrom(concrete) || !concrete.isRecord()) {
                throw new IOException(name + " is not a record implementing " + raw.getName());
            }
            return readRecord(in, concrete);
        }
        throw unsupported(raw);
    }

    private static Object readRecord(DataInputStream in, Class<?> type) throws IOException {
        RecordShape shape = shape(type);
        Object[] values = new Object[shape.components().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(in, shape.components()[i].getGenericType());
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IOException(
                    "cannot rebuild " + type.getSimpleName() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot rebuild " + type.getName(), e);
        }
    }

    private static RecordShape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, t -> {
            RecordComponent[] components = t.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = t.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                for (RecordComponent component : components) {
                    component.getAccessor().setAccessible(true);
                }
                return new RecordShape(components, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + t.getName() + " has no canonical constructor", e);
            }
        });
    }

    private static void writePrimitive(DataOutputStream out, Class<?> type, Object value) throws IOException {
        if (type == double.class) {
            out.writeDouble((Double) value);
        } else if (type == int.class) {
            out.writeInt((Integer) value);
        } else if (type == long.class) {
            out.writeLong((Long) value);
        } else if (type == boolean.class) {
            out.writeBoolean((Boolean) value);
        } else {
            throw unsupported(type);
        }
    }

    private static Object readPrimitive(DataInputStream in, Class<?> type) throws IOException {
        if (type == double.class) {
            return in.readDouble();
        } else if (type == int.class) {
            return in.readInt();
        } else if (type == long.class) {
            return in.readLong();
        } else if (type == boolean.class) {
            return in.readBoolean();
        }
        throw unsupported(type);
    }

    static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[size(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int size(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            throw new IOException("corrupt input: a size of " + size);
        }
        return size;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType) {
            throw new IllegalArgumentException("generic arrays are not supported, got " + type);
        }
        throw new IllegalArgumentException("a component of type " + type + " cannot be encoded");
    }

    private static Type argument(Type type, int index) {
        if (!(type instanceof ParameterizedType p)) {
            throw new IllegalArgumentException("a raw " + type + " cannot be encoded: its element type is unknown");
        }
        return p.getActualTypeArguments()[index];
    }

    private static IllegalArgumentException unsupported(Class<?> type) {
        return new IllegalArgumentException("values of " + type.getName() + " cannot be encoded");
    }
}
