package io.apogee.namesrv.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.DataVersion;
import io.apogee.common.MQVersion;
import io.apogee.common.MixAll;
import io.apogee.common.constant.LoggerName;
import io.apogee.common.namesrv.NamesrvUtil;
import io.apogee.common.namesrv.RegisterBrokerResult;
import io.apogee.common.protocol.RemotingCommandException;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.RegisterBrokerBody;
import io.apogee.common.protocol.body.TopicConfigSerializeWrapper;
import io.apogee.common.protocol.body.TopicList;
import io.apogee.common.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import io.apogee.common.protocol.header.namesrv.AddWritePermOfBrokerResponseHeader;
import io.apogee.common.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import io.apogee.common.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import io.apogee.common.protocol.header.namesrv.GetKVConfigRequestHeader;
import io.apogee.common.protocol.header.namesrv.GetKVConfigResponseHeader;
import io.apogee.common.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import io.apogee.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import io.apogee.common.protocol.header.namesrv.GetTopicsByClusterRequestHeader;
import io.apogee.common.protocol.header.namesrv.PutKVConfigRequestHeader;
import io.apogee.common.protocol.header.namesrv.QueryDataVersionRequestHeader;
import io.apogee.common.protocol.header.namesrv.QueryDataVersionResponseHeader;
import io.apogee.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.apogee.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import io.apogee.common.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import io.apogee.common.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import io.apogee.common.protocol.header.namesrv.WipeWritePermOfBrokerResponseHeader;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.namesrv.NamesrvConfiguration;
import io.apogee.namesrv.kvconfig.KVConfigManager;
import io.apogee.namesrv.routeinfo.RouteInfoManager;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.ChannelHandlerContext;

/**
 * Serves every request code the official 4.9 broker, client and mqadmin send to a name server
 * (protocol.md §3.1–3.2). Unknown codes are answered with REQUEST_CODE_NOT_SUPPORTED (RocketMQ's namesrv
 * stays silent, which leaves the caller waiting for its time-out).
 *
 * <p>Request bodies are decoded here, on the request thread and outside every lock, so a large registration
 * costs the route tables only the time to apply it.
 */
public class DefaultRequestProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(LoggerName.NAMESRV_LOGGER_NAME);
    private static final String FAQ_APPLY_TOPIC = "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";

    private final RouteInfoManager routeInfoManager;
    private final KVConfigManager kvConfigManager;
    private final NamesrvConfiguration configuration;

    public DefaultRequestProcessor(RouteInfoManager routeInfoManager, KVConfigManager kvConfigManager,
                                   NamesrvConfiguration configuration) {
        this.routeInfoManager = routeInfoManager;
        this.kvConfigManager = kvConfigManager;
        this.configuration = configuration;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        if (log.isDebugEnabled()) {
            log.debug("receive request, {} {} {}", request.getCode(),
                ctx == null ? null : RemotingHelper.parseChannelRemoteAddr(ctx.channel()), request);
        }
        switch (request.getCode()) {
            case RequestCode.PUT_KV_CONFIG:
                return putKVConfig(request);
            case RequestCode.GET_KV_CONFIG:
                return getKVConfig(request);
            case RequestCode.DELETE_KV_CONFIG:
                return deleteKVConfig(request);
            case RequestCode.QUERY_DATA_VERSION:
                return queryBrokerTopicConfig(request);
            case RequestCode.REGISTER_BROKER:
                return registerBroker(ctx, request);
            case RequestCode.UNREGISTER_BROKER:
                return unregisterBroker(request);
            case RequestCode.GET_ROUTEINFO_BY_TOPIC:
                return getRouteInfoByTopic(request);
            case RequestCode.GET_BROKER_CLUSTER_INFO:
                return success(routeInfoManager.getAllClusterInfo().encode());
            case RequestCode.WIPE_WRITE_PERM_OF_BROKER:
                return wipeWritePermOfBroker(ctx, request);
            case RequestCode.ADD_WRITE_PERM_OF_BROKER:
                return addWritePermOfBroker(ctx, request);
            case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER:
                return success(routeInfoManager.getAllTopicList().encode());
            case RequestCode.DELETE_TOPIC_IN_NAMESRV:
                return deleteTopicInNamesrv(request);
            case RequestCode.GET_KVLIST_BY_NAMESPACE:
                return getKVListByNamespace(request);
            case RequestCode.GET_TOPICS_BY_CLUSTER:
                return getTopicsByCluster(request);
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS:
                return success(routeInfoManager.getSystemTopicList().encode());
            case RequestCode.GET_UNIT_TOPIC_LIST:
                return success(routeInfoManager.getUnitTopics().encode());
            case RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST:
                return success(routeInfoManager.getHasUnitSubTopicList().encode());
            case RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST:
                return success(routeInfoManager.getHasUnitSubUnUnitTopicList().encode());
            case RequestCode.UPDATE_NAMESRV_CONFIG:
                return updateConfig(ctx, request);
            case RequestCode.GET_NAMESRV_CONFIG:
                return success(configuration.getAllConfigsFormatString().getBytes(StandardCharsets.UTF_8));
            default:
                log.warn("{} sent request code {} which a name server does not serve",
                    ctx == null ? null : RemotingHelper.parseChannelRemoteAddr(ctx.channel()), request.getCode());
                return RemotingCommand.createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.getCode() + " not supported");
        }
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }

    private static RemotingCommand success(byte[] body) {
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(body);
        return response;
    }

    private RemotingCommand registerBroker(ChannelHandlerContext ctx, RemotingCommand request)
        throws RemotingCommandException {
        RemotingCommand response = RemotingCommand.createResponseCommand(RegisterBrokerResponseHeader.class);
        RegisterBrokerResponseHeader responseHeader = (RegisterBrokerResponseHeader) response.readCustomHeader();
        RegisterBrokerRequestHeader header = request.decodeCommandCustomHeader(RegisterBrokerRequestHeader.class);
        requireNonNull(header.getBrokerId(), "brokerId");

        byte[] body = request.getBody();
        Integer expectedCrc = header.getBodyCrc32();
        if (expectedCrc != null && expectedCrc != 0 && crc32(body) != expectedCrc) {
            log.warn("receive registerBroker request,crc32 not match,from {}",
                ctx == null ? null : RemotingHelper.parseChannelRemoteAddr(ctx.channel()));
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark("crc32 not match");
            return response;
        }

        TopicConfigSerializeWrapper wrapper;
        List<String> filterServers = null;
        if (body == null || body.length == 0) {
            wrapper = new TopicConfigSerializeWrapper();
            wrapper.getDataVersion().setCounter(new java.util.concurrent.atomic.AtomicLong(0));
            wrapper.getDataVersion().setTimestamp(0);
        } else if (request.getVersion() >= MQVersion.V3_0_11) {
            RegisterBrokerBody decoded;
            try {
                decoded = RegisterBrokerBody.decode(body, header.isCompressed());
            } catch (IOException e) {
                throw new RemotingCommandException("Failed to decode RegisterBrokerBody: " + e.getMessage(), e);
            }
            wrapper = decoded.getTopicConfigSerializeWrapper();
            filterServers = decoded.getFilterServerList();
        } else {
            try {
                wrapper = RemotingSerializable.decode(body, TopicConfigSerializeWrapper.class);
            } catch (RuntimeException e) {
                throw new RemotingCommandException("Failed to decode TopicConfigSerializeWrapper: " + e.getMessage(), e);
            }
            if (wrapper == null || wrapper.getTopicConfigTable() == null) {
                throw new RemotingCommandException("Failed to decode TopicConfigSerializeWrapper: empty");
            }
        }

        RegisterBrokerResult result = routeInfoManager.registerBroker(header.getClusterName(), header.getBrokerAddr(),
            header.getBrokerName(), header.getBrokerId(), header.getHaServerAddr(), wrapper, filterServers,
            ctx == null ? null : ctx.channel());
        responseHeader.setHaServerAddr(result.getHaServerAddr());
        responseHeader.setMasterAddr(result.getMasterAddr());
        response.setBody(kvConfigManager.getKVListByNamespace(NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG));
        response.setCode(ResponseCode.SUCCESS);
        response.setRemark(null);
        return response;
    }

    static int crc32(byte[] body) {
        if (body == null) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    private RemotingCommand unregisterBroker(RemotingCommand request) throws RemotingCommandException {
        UnRegisterBrokerRequestHeader header = request.decodeCommandCustomHeader(UnRegisterBrokerRequestHeader.class);
        requireNonNull(header.getBrokerId(), "brokerId");
        routeInfoManager.unregisterBroker(header.getClusterName(), header.getBrokerAddr(), header.getBrokerName(),
            header.getBrokerId());
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand queryBrokerTopicConfig(RemotingCommand request) throws RemotingCommandException {
        RemotingCommand response = RemotingCommand.createResponseCommand(QueryDataVersionResponseHeader.class);
        QueryDataVersionResponseHeader responseHeader = (QueryDataVersionResponseHeader) response.readCustomHeader();
        QueryDataVersionRequestHeader header = request.decodeCommandCustomHeader(QueryDataVersionRequestHeader.class);
        DataVersion dataVersion;
        try {
            dataVersion = RemotingSerializable.decode(request.getBody(), DataVersion.class);
        } catch (RuntimeException e) {
            throw new RemotingCommandException("QUERY_DATA_VERSION body is not a DataVersion: " + e.getMessage(), e);
        }
        if (dataVersion == null) {
            throw new RemotingCommandException("QUERY_DATA_VERSION needs the broker's DataVersion as body");
        }
        boolean changed = routeInfoManager.isBrokerTopicConfigChanged(header.getBrokerAddr(), dataVersion);
        if (!changed) {
            routeInfoManager.updateBrokerInfoUpdateTimestamp(header.getBrokerAddr(), System.currentTimeMillis());
        }
        DataVersion known = routeInfoManager.queryBrokerTopicConfig(header.getBrokerAddr());
        response.setCode(ResponseCode.SUCCESS);
        response.setRemark(null);
        if (known != null) {
            response.setBody(known.encode());
        }
        responseHeader.setChanged(changed);
        return response;
    }

    private RemotingCommand getRouteInfoByTopic(RemotingCommand request) throws RemotingCommandException {
        GetRouteInfoRequestHeader header = request.decodeCommandCustomHeader(GetRouteInfoRequestHeader.class);
        TopicRouteData route = routeInfoManager.pickupTopicRouteData(header.getTopic());
        if (route == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.TOPIC_NOT_EXIST,
                "No topic route info in name server for the topic: " + header.getTopic() + FAQ_APPLY_TOPIC);
        }
        if (configuration.getNamesrvConfig().isOrderMessageEnable()) {
            route.setOrderTopicConf(kvConfigManager.getKVConfig(NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG,
                header.getTopic()));
        }
        boolean standardJson = request.getVersion() >= MQVersion.V4_9_4
            || Boolean.TRUE.equals(header.getAcceptStandardJsonOnly());
        return success(standardJson ? route.encodeStandardJson() : route.encode());
    }

    private RemotingCommand wipeWritePermOfBroker(ChannelHandlerContext ctx, RemotingCommand request)
        throws RemotingCommandException {
        RemotingCommand response = RemotingCommand.createResponseCommand(WipeWritePermOfBrokerResponseHeader.class);
        WipeWritePermOfBrokerResponseHeader responseHeader =
            (WipeWritePermOfBrokerResponseHeader) response.readCustomHeader();
        WipeWritePermOfBrokerRequestHeader header =
            request.decodeCommandCustomHeader(WipeWritePermOfBrokerRequestHeader.class);
        int count = routeInfoManager.wipeWritePermOfBrokerByLock(header.getBrokerName());
        log.info("wipe write perm of broker[{}], client: {}, {}", header.getBrokerName(),
            ctx == null ? null : RemotingHelper.parseChannelRemoteAddr(ctx.channel()), count);
        responseHeader.setWipeTopicCount(count);
        response.setCode(ResponseCode.SUCCESS);
        response.setRemark(null);
        return response;
    }

    private RemotingCommand addWritePermOfBroker(ChannelHandlerContext ctx, RemotingCommand request)
        throws RemotingCommandException {
        RemotingCommand response = RemotingCommand.createResponseCommand(AddWritePermOfBrokerResponseHeader.class);
        AddWritePermOfBrokerResponseHeader responseHeader =
            (AddWritePermOfBrokerResponseHeader) response.readCustomHeader();
        AddWritePermOfBrokerRequestHeader header =
            request.decodeCommandCustomHeader(AddWritePermOfBrokerRequestHeader.class);
        int count = routeInfoManager.addWritePermOfBrokerByLock(header.getBrokerName());
        log.info("add write perm of broker[{}], client: {}, {}", header.getBrokerName(),
            ctx == null ? null : RemotingHelper.parseChannelRemoteAddr(ctx.channel()), count);
        responseHeader.setAddTopicCount(count);
        response.setCode(ResponseCode.SUCCESS);
        response.setRemark(null);
        return response;
    }

    private RemotingCommand deleteTopicInNamesrv(RemotingCommand request) throws RemotingCommandException {
        DeleteTopicFromNamesrvRequestHeader header =
            request.decodeCommandCustomHeader(DeleteTopicFromNamesrvRequestHeader.class);
        if (header.getClusterName() != null && !header.getClusterName().isBlank()) {
            routeInfoManager.deleteTopic(header.getTopic(), header.getClusterName());
        } else {
            routeInfoManager.deleteTopic(header.getTopic());
        }
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand getTopicsByCluster(RemotingCommand request) throws RemotingCommandException {
        GetTopicsByClusterRequestHeader header = request.decodeCommandCustomHeader(GetTopicsByClusterRequestHeader.class);
        TopicList list = routeInfoManager.getTopicsByCluster(header.getCluster());
        return success(list.encode());
    }

    private RemotingCommand putKVConfig(RemotingCommand request) throws RemotingCommandException {
        PutKVConfigRequestHeader header = request.decodeCommandCustomHeader(PutKVConfigRequestHeader.class);
        if (header.getNamespace() == null || header.getKey() == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, "namespace or key is null");
        }
        requireNonNull(header.getValue(), "value");
        kvConfigManager.putKVConfig(header.getNamespace(), header.getKey(), header.getValue());
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand getKVConfig(RemotingCommand request) throws RemotingCommandException {
        RemotingCommand response = RemotingCommand.createResponseCommand(GetKVConfigResponseHeader.class);
        GetKVConfigResponseHeader responseHeader = (GetKVConfigResponseHeader) response.readCustomHeader();
        GetKVConfigRequestHeader header = request.decodeCommandCustomHeader(GetKVConfigRequestHeader.class);
        String value = kvConfigManager.getKVConfig(header.getNamespace(), header.getKey());
        if (value != null) {
            responseHeader.setValue(value);
            response.setCode(ResponseCode.SUCCESS);
            response.setRemark(null);
            return response;
        }
        response.setCode(ResponseCode.QUERY_NOT_FOUND);
        response.setRemark("No config item, Namespace: " + header.getNamespace() + " Key: " + header.getKey());
        return response;
    }

    private RemotingCommand deleteKVConfig(RemotingCommand request) throws RemotingCommandException {
        DeleteKVConfigRequestHeader header = request.decodeCommandCustomHeader(DeleteKVConfigRequestHeader.class);
        kvConfigManager.deleteKVConfig(header.getNamespace(), header.getKey());
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand getKVListByNamespace(RemotingCommand request) throws RemotingCommandException {
        GetKVListByNamespaceRequestHeader header =
            request.decodeCommandCustomHeader(GetKVListByNamespaceRequestHeader.class);
        byte[] body = kvConfigManager.getKVListByNamespace(header.getNamespace());
        if (body == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.QUERY_NOT_FOUND,
                "No config item, Namespace: " + header.getNamespace());
        }
        return success(body);
    }

    private RemotingCommand updateConfig(ChannelHandlerContext ctx, RemotingCommand request) {
        log.info("updateConfig called by {}", ctx == null ? null : RemotingHelper.parseChannelRemoteAddr(ctx.channel()));
        byte[] body = request.getBody();
        if (body == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        }
        Properties properties = MixAll.string2Properties(new String(body, StandardCharsets.UTF_8));
        if (properties == null) {
            log.error("updateConfig MixAll.string2Properties error {}", new String(body, StandardCharsets.UTF_8));
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, "string2Properties error");
        }
        NamesrvConfiguration.UpdateResult result = configuration.update(properties);
        if (result.refusedPathKeys()) {
            log.warn("updateConfig refused: {} tried to change path keys {}",
                ctx == null ? null : RemotingHelper.parseChannelRemoteAddr(ctx.channel()), properties.keySet());
            return RemotingCommand.createResponseCommand(ResponseCode.NO_PERMISSION, "Can not update config path");
        }
        if (result.error() != null) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, result.error());
        }
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, result.remark());
    }

    private static void requireNonNull(Object value, String field) throws RemotingCommandException {
        if (value == null) {
            throw new RemotingCommandException("the custom field <" + field + "> is null");
        }
    }
}
