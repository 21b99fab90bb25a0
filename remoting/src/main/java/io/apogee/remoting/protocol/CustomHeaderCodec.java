package io.apogee.remoting.protocol;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.RemotingCommandException;
import io.apogee.common.protocol.annotation.CFNotNull;

/**
 * Maps typed custom headers to and from {@code extFields} (protocol.md §1.9): every non-static field not
 * named {@code this*}, of its class and superclasses, travels as {@code String.valueOf(value)}.
 * Reflection metadata is computed once per header class.
 */
final class CustomHeaderCodec {
    private static final Map<Class<?>, HeaderMeta> META = new ConcurrentHashMap<>();

    private CustomHeaderCodec() {
    }

    static void encode(CommandCustomHeader header, HashMap<String, String> ext) {
        HeaderMeta meta = meta(header.getClass());
        for (FieldMeta f : meta.fields) {
            try {
                Object v = f.field.get(header);
                if (v != null) {
                    ext.put(f.name, v.toString());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read header field " + f.name, e);
            }
        }
    }

    static <T extends CommandCustomHeader> T decode(Class<T> type, Map<String, String> ext)
        throws RemotingCommandException {
        HeaderMeta meta = meta(type);
        T header;
        try {
            @SuppressWarnings("unchecked")
            T h = (T) meta.constructor.newInstance();
            header = h;
        } catch (ReflectiveOperationException e) {
            throw new RemotingCommandException("cannot instantiate header " + type.getSimpleName(), e);
        }
        for (FieldMeta f : meta.fields) {
            String value = ext == null ? null : ext.get(f.name);
            if (value == null) {
                if (f.required) {
                    throw new RemotingCommandException("the custom field <" + f.name + "> is null");
                }
                continue;
            }
            try {
                // Strings travel verbatim (a properties string may end in a control character);
                // only numbers are trimmed before parsing.
                f.field.set(header, f.kind == Kind.STRING ? value : f.kind.parse(value.trim()));
            } catch (NumberFormatException e) {
                throw new RemotingCommandException("the custom field <" + f.name + "> has an invalid value: " + value);
            } catch (IllegalAccessException e) {
                throw new RemotingCommandException("cannot set header field " + f.name, e);
            }
        }
        header.checkFields();
        return header;
    }

    private static HeaderMeta meta(Class<?> type) {
        HeaderMeta m = META.get(type);
        if (m == null) {
            m = META.computeIfAbsent(type, HeaderMeta::new);
        }
        return m;
    }

    private enum Kind {
        STRING, INT, LONG, BOOLEAN, DOUBLE, OTHER;

        Object parse(String s) {
            switch (this) {
                case INT: return Integer.parseInt(s);
                case LONG: return Long.parseLong(s);
                case BOOLEAN: return Boolean.parseBoolean(s);
                case DOUBLE: return Double.parseDouble(s);
                default: return s;
            }
        }

        static Kind of(Class<?> t) {
            if (t == String.class) {
                return STRING;
            }
            if (t == int.class || t == Integer.class) {
                return INT;
            }
            if (t == long.class || t == Long.class) {
                return LONG;
            }
            if (t == boolean.class || t == Boolean.class) {
                return BOOLEAN;
            }
            if (t == double.class || t == Double.class) {
                return DOUBLE;
            }
            return OTHER;
        }
    }

    private record FieldMeta(Field field, String name, Kind kind, boolean required) {
    }

    private static final class HeaderMeta {
        final Constructor<?> constructor;
        final List<FieldMeta> fields = new ArrayList<>();

        HeaderMeta(Class<?> type) {
            try {
                constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type + " needs a no-argument constructor", e);
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getName().startsWith("this")) {
                        continue;
                    }
                    Kind kind = Kind.of(f.getType());
                    if (kind == Kind.OTHER) {
                        continue;
                    }
                    f.setAccessible(true);
                    fields.add(new FieldMeta(f, f.getName(), kind, f.isAnnotationPresent(CFNotNull.class)));
                }
            }
        }
    }
}
