package io.apogee.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.header.GetConsumerListByGroupRequestHeader;
import io.apogee.common.protocol.header.QueryConsumerOffsetRequestHeader;
import io.apogee.common.protocol.header.QueryConsumerOffsetResponseHeader;
import io.apogee.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET_CONSUMER_LIST_BY_GROUP, UPDATE_CONSUMER_OFFSET and QUERY_CONSUMER_OFFSET against real managers. */
class ConsumerManageProcessorTest {
    @TempDir
    Path root;

    private final AtomicLong minOffsetInQueue = new AtomicLong();
    private final ChannelHandlerContext ctx = new EmbeddedChannel(new ChannelInboundHandlerAdapter()).pipeline().firstContext();

    /** Only the two store calls the processor makes; everything else is unused here. */
    private MessageStore store() {
        return (MessageStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MessageStore.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getMinOffsetInQueue" -> minOffsetInQueue.get();
                case "checkInDiskByConsumeOffset" -> false;
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    private static RemotingCommand request(int code, CommandCustomHeader header) {
        RemotingCommand r = RemotingCommand.createRequestCommand(code, header);
        r.makeCustomHeaderToNet();
        return r;
    }

    private static QueryConsumerOffsetRequestHeader query(String group, String topic, int queueId) {
        QueryConsumerOffsetRequestHeader h = new QueryConsumerOffsetRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic(topic);
        h.setQueueId(queueId);
        return h;
    }

    @Test
    void committedOffsetIsReturnedAndUnknownOffsetsFollowTheStore() throws Exception {
        ConsumerOffsetManager offsets = new ConsumerOffsetManager(root.toString());
        ConsumerManageProcessor p = new ConsumerManageProcessor(new ConsumerManager((g, c) -> { }, 120_000), offsets, store());

        UpdateConsumerOffsetRequestHeader upd = new UpdateConsumerOffsetRequestHeader();
        upd.setConsumerGroup("G");
        upd.setTopic("T");
        upd.setQueueId(2);
        upd.setCommitOffset(17L);
        assertThat(p.processRequest(ctx, request(RequestCode.UPDATE_CONSUMER_OFFSET, upd)).getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(offsets.queryOffset("G", "T", 2)).isEqualTo(17L);

        RemotingCommand found = p.processRequest(ctx, request(RequestCode.QUERY_CONSUMER_OFFSET, query("G", "T", 2)));
        assertThat(found.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(((QueryConsumerOffsetResponseHeader) found.readCustomHeader()).getOffset()).isEqualTo(17L);

        // never committed, queue starts at 0 and its first message is not swapped out: start from 0
        RemotingCommand fresh = p.processRequest(ctx, request(RequestCode.QUERY_CONSUMER_OFFSET, query("G", "T", 0)));
        assertThat(fresh.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(((QueryConsumerOffsetResponseHeader) fresh.readCustomHeader()).getOffset()).isZero();

        // never committed and the queue no longer starts at 0: the client decides (QUERY_NOT_FOUND)
        minOffsetInQueue.set(5);
        RemotingCommand notFound = p.processRequest(ctx, request(RequestCode.QUERY_CONSUMER_OFFSET, query("G", "T", 0)));
        assertThat(notFound.getCode()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
    }

    @Test
    void consumerListOfAnUnknownGroupIsAnError() throws Exception {
        ConsumerManageProcessor p = new ConsumerManageProcessor(new ConsumerManager((g, c) -> { }, 120_000),
            new ConsumerOffsetManager(root.toString()), store());
        GetConsumerListByGroupRequestHeader h = new GetConsumerListByGroupRequestHeader();
        h.setConsumerGroup("Nobody");
        RemotingCommand r = p.processRequest(ctx, request(RequestCode.GET_CONSUMER_LIST_BY_GROUP, h));
        assertThat(r.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(r.getRemark()).isEqualTo("no consumer for this group, Nobody");
    }

    @Test
    void missingRequiredHeaderFieldIsRejected() {
        RemotingCommand r = RemotingCommand.createRequestCommand(RequestCode.QUERY_CONSUMER_OFFSET, null);
        ConsumerManageProcessor p = new ConsumerManageProcessor(new ConsumerManager((g, c) -> { }, 120_000),
            new ConsumerOffsetManager(root.toString()), store());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.processRequest(ctx, r))
            .hasMessageContaining("consumerGroup");
    }
}
