package io.apogee.tools.command.message;

import io.apogee.common.message.MessageExt;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin queryMsgTraceById}: query a message trace. */
public class QueryMsgTraceByIdCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgTraceById";
    }

    @Override
    public String commandDesc() {
        return "query a message trace";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "i", "msgId", true, true, "Message Id");
        Opts.add(options, "t", "traceTopic", true, false, "The name value of message trace topic");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't', "RMQ_SYS_TRACE_TOPIC");
            String msgId = Opts.str(cl, 'i');
            List<MessageExt> traces = admin.queryMessage(topic, msgId, 64, 0, Long.MAX_VALUE, false);
            if (traces.isEmpty()) {
                throw new SubCommandException("no trace of message " + msgId + " in topic " + topic + " (is message trace enabled?)");
            }
            for (MessageExt m : traces) {
                System.out.printf("%s%n", new String(m.getBody(), StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
