package io.apogee.common.filter;

/** Subscription expression languages; the names travel on the wire. */
public final class ExpressionType {
    public static final String TAG = "TAG";
    public static final String SQL92 = "SQL92";

    private ExpressionType() {
    }

    public static boolean isTagType(String type) {
        return type == null || type.isEmpty() || TAG.equals(type);
    }
}
