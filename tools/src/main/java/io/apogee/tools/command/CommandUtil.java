package io.apogee.tools.command;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.serializer.SerializerFeature;
import io.apogee.common.UtilAll;
import io.apogee.tools.admin.DefaultMQAdminExt;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/** Helpers shared by sub-commands: target brokers, timestamps, JSON output, error wrapping. */
public final class CommandUtil {
    private CommandUtil() {
    }

    /** {@code -b addr} → that broker; {@code -c cluster} → the cluster's masters; neither → error. */
    public static List<String> targetBrokers(CommandLine cl, DefaultMQAdminExt admin, char brokerOpt, char clusterOpt)
        throws Exception {
        if (cl.hasOption(brokerOpt)) {
            List<String> one = new ArrayList<>();
            one.add(cl.getOptionValue(brokerOpt).trim());
            return one;
        }
        if (cl.hasOption(clusterOpt)) {
            return admin.masterAddrsOfCluster(cl.getOptionValue(clusterOpt).trim());
        }
        throw new SubCommandException("either -" + brokerOpt + " (broker address) or -" + clusterOpt + " (cluster name) is required");
    }

    /** Pretty standard JSON (string keys, sorted) of any value, on stdout. */
    public static void printJson(Object value) {
        System.out.println(JSON.toJSONString(value, SerializerFeature.PrettyFormat, SerializerFeature.WriteNonStringKeyAsString,
            SerializerFeature.MapSortField, SerializerFeature.DisableCircularReferenceDetect));
    }

    /** {@code now}, epoch millis, or {@code yyyy-MM-dd#HH:mm:ss:SSS}. */
    public static long parseTimestamp(String text) throws SubCommandException {
        String t = text.trim();
        if ("now".equalsIgnoreCase(t)) {
            return System.currentTimeMillis();
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException ignored) {
            // try the date format below
        }
        try {
            SimpleDateFormat f = new SimpleDateFormat(UtilAll.YYYY_MM_DD_HH_MM_SS_SSS);
            f.setLenient(false);
            return f.parse(t).getTime();
        } catch (ParseException e) {
            throw new SubCommandException("invalid timestamp '" + text + "': use now, milliseconds, or yyyy-MM-dd#HH:mm:ss:SSS");
        }
    }

    public static String formatTime(long millis, String pattern) {
        return new SimpleDateFormat(pattern).format(new Date(millis));
    }

    /** Wraps any failure of a command so MQAdminStartup prints one clear line. */
    public static SubCommandException failed(SubCommand cmd, Exception e) {
        if (e instanceof SubCommandException) {
            return (SubCommandException) e;
        }
        return new SubCommandException(MQAdminStartup.describe(e), e);
    }
}
