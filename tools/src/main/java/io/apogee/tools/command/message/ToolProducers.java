package io.apogee.tools.command.message;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.SubCommandException;

/** Producers the send-based commands start with the admin's name server list. */
public final class ToolProducers {
    private ToolProducers() {
    }

    public static DefaultMQProducer start(DefaultMQAdminExt admin, String group) throws Exception {
        if (admin.getNamesrvAddr() == null) {
            throw new SubCommandException("No name server address: pass -n host:port or set NAMESRV_ADDR");
        }
        DefaultMQProducer p = new DefaultMQProducer(group);
        p.setNamesrvAddr(admin.getNamesrvAddr());
        p.setInstanceName("mqadmin-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        p.start();
        return p;
    }
}
