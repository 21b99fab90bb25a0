package io.apogee.remoting.compat;

import java.util.HashMap;
import java.util.Map;

import io.apogee.remoting.protocol.LanguageCode;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBufUtil;

/**
 * The wire-visible fields of one command (protocol.md §1.3/§1.4), independent of the implementation holding
 * them, so an Apogee command and an official 4.9.7 command can be compared with {@code equals}.
 * The body is kept as hex so that equality and failure messages both work.
 */
record WireFields(int code, String language, int version, int opaque, int flag, String remark,
                  Map<String, String> extFields, String bodyHex) {

    static WireFields of(RemotingCommand cmd) {
        return new WireFields(cmd.getCode(), cmd.getLanguage() == null ? null : cmd.getLanguage().name(),
            cmd.getVersion(), cmd.getOpaque(), cmd.getFlag(), cmd.getRemark(), cmd.getExtFields(), hex(cmd.getBody()));
    }

    static WireFields of(org.apache.rocketmq.remoting.protocol.RemotingCommand cmd) {
        return new WireFields(cmd.getCode(), cmd.getLanguage() == null ? null : cmd.getLanguage().name(),
            cmd.getVersion(), cmd.getOpaque(), cmd.getFlag(), cmd.getRemark(), cmd.getExtFields(), hex(cmd.getBody()));
    }

    /** A fresh Apogee command carrying these fields, header encoded as {@code type}. */
    RemotingCommand toApogee(SerializeType type) {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(code, null);
        cmd.setLanguage(LanguageCode.valueOf(language));
        cmd.setVersion(version);
        cmd.setOpaque(opaque);
        cmd.setFlag(flag);
        cmd.setRemark(remark);
        cmd.setExtFields(extFields == null ? null : new HashMap<>(extFields));
        cmd.setBody(body());
        cmd.setSerializeTypeCurrentRPC(type);
        return cmd;
    }

    /** A fresh official command carrying these fields, header encoded as {@code type}. */
    org.apache.rocketmq.remoting.protocol.RemotingCommand toOfficial(SerializeType type) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand cmd =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, null);
        cmd.setLanguage(org.apache.rocketmq.remoting.protocol.LanguageCode.valueOf(language));
        cmd.setVersion(version);
        cmd.setOpaque(opaque);
        cmd.setFlag(flag);
        cmd.setRemark(remark);
        cmd.setExtFields(extFields == null ? null : new HashMap<>(extFields));
        cmd.setBody(body());
        cmd.setSerializeTypeCurrentRPC(official(type));
        return cmd;
    }

    byte[] body() {
        return bodyHex == null ? null : ByteBufUtil.decodeHexDump(bodyHex);
    }

    static org.apache.rocketmq.remoting.protocol.SerializeType official(SerializeType type) {
        return org.apache.rocketmq.remoting.protocol.SerializeType.valueOf(type.name());
    }

    static String hex(byte[] body) {
        return body == null ? null : ByteBufUtil.hexDump(body);
    }
}
