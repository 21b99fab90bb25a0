package io.apogee.tools.command;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/** Small helpers for building and reading commons-cli options the way every sub-command needs them. */
public final class Opts {
    /** Value of {@code -o} that selects machine-readable output on read commands. */
    public static final String JSON = "json";

    private Opts() {
    }

    public static Option opt(String shortName, String longName, boolean hasArg, String desc) {
        return new Option(shortName, longName, hasArg, desc);
    }

    public static void add(Options options, String shortName, String longName, boolean hasArg, boolean required, String desc) {
        Option o = opt(shortName, longName, hasArg, desc);
        o.setRequired(required);
        options.addOption(o);
    }

    /** Mutually exclusive options; with {@code required} exactly one of them must be given. */
    public static void group(Options options, boolean required, Option... members) {
        OptionGroup g = new OptionGroup();
        for (Option m : members) {
            g.addOption(m);
        }
        g.setRequired(required);
        options.addOptionGroup(g);
    }

    /** Apogee extension: {@code -o json} prints the fetched data as JSON instead of the table. */
    public static void addJsonOutput(Options options) {
        add(options, "o", "output", true, false, "output format: json (Apogee extension; default: the classic table)");
    }

    public static boolean json(CommandLine cl) {
        return cl.hasOption('o') && JSON.equalsIgnoreCase(cl.getOptionValue('o').trim());
    }

    public static String str(CommandLine cl, char opt) {
        String v = cl.getOptionValue(opt);
        return v == null ? null : v.trim();
    }

    public static String str(CommandLine cl, char opt, String dflt) {
        String v = str(cl, opt);
        return v == null || v.isEmpty() ? dflt : v;
    }

    public static int integer(CommandLine cl, char opt, int dflt) throws SubCommandException {
        String v = str(cl, opt);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new SubCommandException("option -" + opt + " expects a number, got '" + v + "'");
        }
    }

    public static long lng(CommandLine cl, char opt, long dflt) throws SubCommandException {
        String v = str(cl, opt);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new SubCommandException("option -" + opt + " expects a number, got '" + v + "'");
        }
    }

    public static boolean bool(CommandLine cl, char opt, boolean dflt) {
        String v = str(cl, opt);
        return v == null || v.isEmpty() ? dflt : Boolean.parseBoolean(v);
    }
}
