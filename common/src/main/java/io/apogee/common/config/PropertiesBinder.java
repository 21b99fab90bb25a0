package io.apogee.common.config;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Binds properties (broker.conf, namesrv.properties, -D style overrides) onto typed config objects through
 * their {@code setXxx} methods, and reads them back through {@code getXxx}/{@code isXxx}.
 *
 * <p>Unlike RocketMQ, which silently ignores a key it does not know, {@link #bind} returns every key no
 * target accepted together with the closest known key, so a typo such as {@code brokerClusterNmae} is
 * reported at boot instead of quietly running with a default.
 */
public final class PropertiesBinder {

    private PropertiesBinder() {
    }

    /** A key that no config object accepted, with the most similar known key (or null). */
    public record UnknownKey(String key, String suggestion) {
        @Override
        public String toString() {
            return suggestion == null
                ? "unknown config key '" + key + "'"
                : "unknown config key '" + key + "', did you mean '" + suggestion + "'?";
        }
    }

    /**
     * Sets every property that matches a setter on one of the targets (first match wins for each target
     * that has it). Values are trimmed. A value that cannot be converted raises IllegalArgumentException
     * naming the key, because starting with a half-applied config is worse than not starting.
     *
     * @param aliases old spellings mapped to current property names (e.g. mapedFileSizeCommitLog)
     * @return keys no target knows, in the order of the sorted key set
     */
    public static List<UnknownKey> bind(Properties props, Map<String, String> aliases, Object... targets) {
        List<UnknownKey> unknown = new ArrayList<>();
        for (String rawKey : new TreeMap<>(toStringMap(props)).keySet()) {
            String value = props.getProperty(rawKey);
            String key = aliases.getOrDefault(rawKey, rawKey);
            boolean accepted = false;
            for (Object target : targets) {
                Method setter = findSetter(target.getClass(), key);
                if (setter != null) {
                    invoke(target, setter, key, value == null ? null : value.trim());
                    accepted = true;
                }
            }
            if (!accepted) {
                unknown.add(new UnknownKey(rawKey, closest(rawKey, knownKeys(targets))));
            }
        }
        return unknown;
    }

    public static List<UnknownKey> bind(Properties props, Object... targets) {
        return bind(props, Collections.emptyMap(), targets);
    }

    /** Every readable+writable property of the object, by name, values as strings (sorted by name). */
    public static Map<String, String> toMap(Object target) {
        Map<String, String> out = new TreeMap<>();
        for (Method m : target.getClass().getMethods()) {
            String name = propertyOfGetter(m);
            if (name == null || findSetter(target.getClass(), name) == null) {
                continue;
            }
            try {
                Object v = m.invoke(target);
                out.put(name, v == null ? "" : String.valueOf(v));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
        return out;
    }

    /**
     * The object's own instance fields by field name, values as strings, null values left out: the view RocketMQ's
     * broker answers GET_BROKER_CONFIG with, which mqadmin users and scripts compare against. It differs from
     * {@link #toMap} where a field is named unlike its setter ({@code isEnableBatchPush} is set through
     * {@code enableBatchPush}) and where a getter adjusts the stored value.
     */
    public static Map<String, String> fieldValues(Object target) {
        Map<String, String> out = new TreeMap<>();
        for (Field f : target.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                continue;
            }
            try {
                f.setAccessible(true);
                Object v = f.get(target);
                if (v != null) {
                    out.put(f.getName(), String.valueOf(v));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot read field " + f.getName(), e);
            }
        }
        return out;
    }

    public static Properties toProperties(Object target) {
        Properties p = new Properties();
        p.putAll(toMap(target));
        return p;
    }

    public static List<String> knownKeys(Object... targets) {
        List<String> keys = new ArrayList<>();
        for (Object t : targets) {
            for (Method m : t.getClass().getMethods()) {
                if (isSetter(m)) {
                    keys.add(decapitalize(m.getName().substring(3)));
                }
            }
        }
        Collections.sort(keys);
        return keys;
    }

    /** The known key with the smallest edit distance, if it is close enough to be a plausible typo. */
    static String closest(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = key.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = editDistance(lower, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.max(2, key.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Map<String, String> toStringMap(Properties props) {
        Map<String, String> m = new TreeMap<>();
        for (String k : props.stringPropertyNames()) {
            m.put(k, props.getProperty(k));
        }
        return m;
    }

    private static Method findSetter(Class<?> type, String property) {
        String name = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && isSetter(m)) {
                return m;
            }
        }
        return null;
    }

    private static boolean isSetter(Method m) {
        return m.getName().startsWith("set") && m.getName().length() > 3 && m.getParameterCount() == 1
            && !Modifier.isStatic(m.getModifiers()) && isSupported(m.getParameterTypes()[0]);
    }

    private static boolean isSupported(Class<?> t) {
        return t == String.class || t == int.class || t == Integer.class || t == long.class || t == Long.class
            || t == boolean.class || t == Boolean.class || t == double.class || t == Double.class
            || t == float.class || t == Float.class || t.isEnum();
    }

    private static String propertyOfGetter(Method m) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3) {
            return decapitalize(n.substring(3));
        }
        if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return decapitalize(n.substring(2));
        }
        return null;
    }

    private static String decapitalize(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void invoke(Object target, Method setter, String key, String value) {
        Class<?> t = setter.getParameterTypes()[0];
        Object arg;
        try {
            if (t == String.class) {
                arg = value;
            } else if (t == int.class || t == Integer.class) {
                arg = Integer.parseInt(value);
            } else if (t == long.class || t == Long.class) {
                arg = Long.parseLong(value);
            } else if (t == boolean.class || t == Boolean.class) {
                if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                    throw new IllegalArgumentException("expected true or false");
                }
                arg = Boolean.parseBoolean(value);
            } else if (t == double.class || t == Double.class) {
                arg = Double.parseDouble(value);
            } else if (t == float.class || t == Float.class) {
                arg = Float.parseFloat(value);
            } else {
                arg = Enum.valueOf((Class<? extends Enum>) t, value);
            }
            setter.invoke(target, arg);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("invalid value '" + value + "' for config key '" + key + "' ("
                + t.getSimpleName() + "): " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set " + key, e);
        }
    }
}
