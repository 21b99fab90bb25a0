package io.apogee.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.apogee.broker.BrokerController;
import io.apogee.broker.client.ClientChannelInfo;
import io.apogee.broker.config.BrokerConfigFile;
import io.apogee.common.BrokerConfig;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.header.GetAllProducerInfoRequestHeader;
import io.apogee.common.protocol.header.QueryCorrectionOffsetHeader;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.LanguageCode;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.config.MessageStoreConfig;
import io.netty.channel.embedded.EmbeddedChannel;
import org.apache.rocketmq.common.protocol.body.ProducerInfo;
import org.apache.rocketmq.common.protocol.body.ProducerTableInfo;
import org.apache.rocketmq.common.protocol.body.QueryCorrectionOffsetBody;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admin codes answered by a broker that was initialised (store loaded, managers wired) but not started. */
class AdminBrokerProcessorTest {
    @TempDir
    Path root;

    private BrokerController controller;
    private AdminBrokerProcessor processor;

    @BeforeEach
    void setUp() throws Exception {
        BrokerConfig bc = new BrokerConfig();
        bc.setBrokerIP1("127.0.0.1");
        bc.setNamesrvAddr(null);
        MessageStoreConfig sc = new MessageStoreConfig();
        sc.setStorePathRootDir(root.toString());
        sc.setStorePathCommitLog(root.resolve("commitlog").toString());
        sc.setMappedFileSizeCommitLog(1024 * 1024);
        sc.setMappedFileSizeConsumeQueue(6000);
        NettyServerConfig ns = new NettyServerConfig();
        ns.setListenPort(0);
        controller = new BrokerController(bc, ns, new NettyClientConfig(), sc, new BrokerConfigFile(null));
        assertThat(controller.initialize()).isTrue();
        processor = new AdminBrokerProcessor(controller);
    }

    @AfterEach
    void tearDown() {
        controller.shutdown();
    }

    @Test
    void correctionOffsetIsTheMinimumOverOtherGroupsAndMaxWhereTheCompareGroupLags() throws Exception {
        controller.getConsumerOffsetManager().commitOffset("h", "A", "T", 0, 0);
        controller.getConsumerOffsetManager().commitOffset("h", "B", "T", 0, 0);
        controller.getConsumerOffsetManager().commitOffset("h", "B", "T", 1, 0);
        controller.getConsumerOffsetManager().commitOffset("h", "C", "T", 1, 0);
        QueryCorrectionOffsetHeader h = new QueryCorrectionOffsetHeader();
        h.setTopic("T");
        h.setCompareGroup("A");
        h.setFilterGroups("C");
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.QUERY_CORRECTION_OFFSET, h);
        req.makeCustomHeaderToNet();
        RemotingCommand r = processor.processRequest(null, req);
        assertThat(r.getCode()).isEqualTo(ResponseCode.SUCCESS);
        QueryCorrectionOffsetBody body = RemotingSerializable.decode(r.getBody(), QueryCorrectionOffsetBody.class);
        // queue 0: min over A and B is 0, A is not behind it; queue 1: only B counts (C filtered out)
        assertThat(body.getCorrectionOffsets()).containsEntry(0, 0L).containsEntry(1, 0L).hasSize(2);

        controller.getConsumerOffsetManager().commitOffset("h", "B", "T", 0, 0);
        controller.getConsumerOffsetManager().commitOffset("h", "A", "T", 0, 0);
        h.setCompareGroup("Z"); // a group with no offsets changes nothing
        req = RemotingCommand.createRequestCommand(RequestCode.QUERY_CORRECTION_OFFSET, h);
        req.makeCustomHeaderToNet();
        body = RemotingSerializable.decode(processor.processRequest(null, req).getBody(), QueryCorrectionOffsetBody.class);
        assertThat(body.getCorrectionOffsets()).containsEntry(0, 0L);
    }

    @Test
    void correctionOffsetIsMaxWhereTheCompareGroupIsBehindTheOthers() throws Exception {
        // the store's queues are empty (min offset 0), so every committed offset counts
        controller.getConsumerOffsetManager().commitOffset("h", "Fast", "T", 0, 0);
        controller.getConsumerOffsetManager().commitOffset("h", "Slow", "T", 0, 0);
        controller.getConsumerOffsetManager().getOffsetTable().get("T@Fast").put(0, 9L);
        controller.getConsumerOffsetManager().getOffsetTable().get("T@Slow").put(0, 3L);
        QueryCorrectionOffsetHeader h = new QueryCorrectionOffsetHeader();
        h.setTopic("T");
        h.setCompareGroup("Slow");
        h.setFilterGroups("Slow");
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.QUERY_CORRECTION_OFFSET, h);
        req.makeCustomHeaderToNet();
        QueryCorrectionOffsetBody body = RemotingSerializable.decode(processor.processRequest(null, req).getBody(),
            QueryCorrectionOffsetBody.class);
        assertThat(body.getCorrectionOffsets()).containsEntry(0, Long.MAX_VALUE);
    }

    @Test
    void allProducerInfoListsEveryGroupsConnections() throws Exception {
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.GET_ALL_PRODUCER_INFO,
            new GetAllProducerInfoRequestHeader());
        req.makeCustomHeaderToNet();
        ProducerTableInfo empty = RemotingSerializable.decode(processor.processRequest(null, req).getBody(), ProducerTableInfo.class);
        assertThat(empty.getData()).isEmpty();

        EmbeddedChannel ch = new EmbeddedChannel();
        controller.getProducerManager().registerProducer("PG", new ClientChannelInfo(ch, "10.0.0.1@p1", LanguageCode.JAVA, 407));
        RemotingCommand r = processor.processRequest(null, req);
        assertThat(r.getCode()).isEqualTo(ResponseCode.SUCCESS);
        ProducerTableInfo table = RemotingSerializable.decode(r.getBody(), ProducerTableInfo.class);
        List<ProducerInfo> infos = table.getData().get("PG");
        assertThat(infos).hasSize(1);
        assertThat(infos.get(0).getClientId()).isEqualTo("10.0.0.1@p1");
        assertThat(infos.get(0).getLanguage()).isEqualTo(org.apache.rocketmq.remoting.protocol.LanguageCode.JAVA);
        assertThat(infos.get(0).getVersion()).isEqualTo(407);
        assertThat(infos.get(0).getLastUpdateTimestamp()).isPositive();
    }
}
