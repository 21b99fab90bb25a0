package io.apogee.tools.command.message;

import io.apogee.common.UtilAll;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.GroupList;
import io.apogee.tools.admin.DefaultMQAdminExt;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;

/** The detail block printed by queryMsgById / queryMsgByUniqueKey / queryMsgByOffset. */
public final class MessagePrinter {
    static final String BODY_DIR = "/tmp/rocketmq/msgbodys";

    private MessagePrinter() {
    }

    public static String offsetMsgIdOf(MessageExt m) {
        if (m.getStoreHost() != null) {
            return io.apogee.common.message.MessageDecoder.createMessageId(m.getStoreHost(), m.getCommitLogOffset());
        }
        return m.getMsgId();
    }

    public static String uniqIdOf(MessageExt m) {
        String uniq = m.getProperty("UNIQ_KEY");
        return uniq != null ? uniq : m.getMsgId();
    }

    static String hostOf(SocketAddress a) {
        if (a instanceof InetSocketAddress) {
            InetSocketAddress i = (InetSocketAddress) a;
            return i.getAddress().getHostAddress() + ":" + i.getPort();
        }
        return String.valueOf(a);
    }

    public static void print(DefaultMQAdminExt admin, MessageExt m, String offsetMsgId) {
        String bodyPath = writeBody(m, uniqIdOf(m));
        System.out.printf("%-20s %s%n", "OffsetID:", offsetMsgId);
        System.out.printf("%-20s %s%n", "Topic:", m.getTopic());
        System.out.printf("%-20s %s%n", "Tags:", "[" + m.getTags() + "]");
        System.out.printf("%-20s %s%n", "Keys:", "[" + m.getKeys() + "]");
        System.out.printf("%-20s %d%n", "Queue ID:", m.getQueueId());
        System.out.printf("%-20s %d%n", "Queue Offset:", m.getQueueOffset());
        System.out.printf("%-20s %d%n", "CommitLog Offset:", m.getCommitLogOffset());
        System.out.printf("%-20s %d%n", "Reconsume Times:", m.getReconsumeTimes());
        System.out.printf("%-20s %s%n", "Born Timestamp:", UtilAll.timeMillisToHumanString2(m.getBornTimestamp()));
        System.out.printf("%-20s %s%n", "Store Timestamp:", UtilAll.timeMillisToHumanString2(m.getStoreTimestamp()));
        System.out.printf("%-20s %s%n", "Born Host:", hostOf(m.getBornHost()));
        System.out.printf("%-20s %s%n", "Store Host:", hostOf(m.getStoreHost()));
        System.out.printf("%-20s %d%n", "System Flag:", m.getSysFlag());
        System.out.printf("%-20s %s%n", "Properties:", m.getProperties() != null ? m.getProperties().toString() : "");
        System.out.printf("%-20s %s%n", "Message Body Path:", bodyPath);
        try {
            GroupList groups = admin.queryTopicConsumeByWho(m.getTopic());
            if (groups.getGroupList().isEmpty()) {
                System.out.printf("%n%nWARN: No Consumer");
            } else {
                for (String g : groups.getGroupList()) {
                    System.out.printf("%n%n%s", "#ConsumerGroup " + g);
                }
            }
            System.out.printf("%n%n");
        } catch (Exception e) {
            System.out.printf("%n%n");
        }
    }

    private static String writeBody(MessageExt m, String id) {
        if (m.getBody() == null) {
            return "";
        }
        try {
            File dir = new File(BODY_DIR);
            dir.mkdirs();
            File f = new File(dir, id);
            Files.write(f.toPath(), m.getBody());
            return f.getAbsolutePath();
        } catch (IOException e) {
            return "(not written: " + e.getMessage() + ")";
        }
    }
}
