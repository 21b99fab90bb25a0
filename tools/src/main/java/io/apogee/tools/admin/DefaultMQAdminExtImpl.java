package io.apogee.tools.admin;

import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.remoting.exception.RemotingConnectException;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Transport under {@link DefaultMQAdminExt}: one remoting client, started on first use, and the
 * request/response plumbing every admin call shares (addr {@code null} = any name server).
 * Failures become {@link MQClientException} (no connection, time-out, no name server configured)
 * or {@link MQBrokerException} (the peer answered a non-success code), with texts fit for a terminal.
 */
public class DefaultMQAdminExtImpl {
    private String namesrvAddr;
    private long timeoutMillis = 5000;
    private int connectTimeoutMillis = 3000;
    private NettyRemotingClient client;

    public synchronized void start() {
        if (client != null) {
            return;
        }
        NettyClientConfig cfg = new NettyClientConfig();
        cfg.setConnectTimeoutMillis(connectTimeoutMillis);
        cfg.setClientWorkerThreads(1);
        cfg.setClientCallbackExecutorThreads(1);
        NettyRemotingClient c = new NettyRemotingClient(cfg);
        c.start();
        List<String> addrs = namesrvList();
        if (!addrs.isEmpty()) {
            c.updateNameServerAddressList(addrs);
        }
        client = c;
    }

    public synchronized void shutdown() {
        if (client != null) {
            client.shutdown();
            client = null;
        }
    }

    /** The configured name servers ("a:9876;b:9876"), empty when none is set. */
    public List<String> namesrvList() {
        List<String> list = new ArrayList<>();
        if (namesrvAddr != null) {
            for (String a : namesrvAddr.split("[;,]")) {
                if (!a.isBlank()) {
                    list.add(a.trim());
                }
            }
        }
        return list;
    }

    /** Request with header fields given as key/value pairs (nulls skipped). */
    public static RemotingCommand request(int code, String... kv) {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(code, null);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                cmd.addExtField(kv[i], kv[i + 1]);
            }
        }
        return cmd;
    }

    /** Sends and returns the response whatever its code. */
    public RemotingCommand invokeRaw(String addr, RemotingCommand request) throws MQClientException {
        return invokeRaw(addr, request, timeoutMillis);
    }

    public RemotingCommand invokeRaw(String addr, RemotingCommand request, long timeout) throws MQClientException {
        if (addr == null && namesrvList().isEmpty()) {
            throw new MQClientException("No name server address: pass -n host:port (e.g. -n 127.0.0.1:9876) "
                + "or set the NAMESRV_ADDR environment variable", null);
        }
        start();
        String target = addr != null ? addr : "name server " + String.join(";", namesrvList());
        try {
            RemotingCommand response = client.invokeSync(addr, request, timeout);
            if (response == null) {
                throw new MQClientException("no response from " + target, null);
            }
            return response;
        } catch (RemotingConnectException e) {
            throw new MQClientException("cannot connect to " + target + " (is it running and reachable?)", null);
        } catch (RemotingTimeoutException e) {
            throw new MQClientException("timed out after " + timeout + " ms waiting for " + target, null);
        } catch (RemotingException e) {
            throw new MQClientException("request to " + target + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MQClientException("interrupted", e);
        }
    }

    /** Sends and returns the response, failing unless its code is SUCCESS. */
    public RemotingCommand invoke(String addr, RemotingCommand request) throws MQClientException, MQBrokerException {
        return invoke(addr, request, timeoutMillis);
    }

    public RemotingCommand invoke(String addr, RemotingCommand request, long timeout) throws MQClientException, MQBrokerException {
        RemotingCommand response = invokeRaw(addr, request, timeout);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new MQBrokerException(response.getCode(), response.getRemark(), addr);
        }
        return response;
    }

    /** Sends, expects SUCCESS and decodes the JSON body as {@code type} (null when there is no body). */
    public <T> T invokeBody(String addr, RemotingCommand request, Class<T> type) throws MQClientException, MQBrokerException {
        RemotingCommand response = invoke(addr, request);
        return RemotingSerializable.decode(response.getBody(), type);
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public void setConnectTimeoutMillis(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    static List<String> list(String... s) {
        return Arrays.asList(s);
    }
}
