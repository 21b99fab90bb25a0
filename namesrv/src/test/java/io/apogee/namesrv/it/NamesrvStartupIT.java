package io.apogee.namesrv.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.OfficialPeers;

/** The daemon's command line as operators use it: bin/mqnamesrv, -p, a busy port, KV reload after restart. */
@Timeout(120)
class NamesrvStartupIT {

    private static Path work(String name) throws Exception {
        return Files.createDirectories(OfficialPeers.moduleDir().resolve("target/it-work"))
            .resolve(name + "-" + System.currentTimeMillis());
    }

    @Test
    void busyPortFailsFastWithAClearMessage() throws Exception {
        Path dir = work("busy-port");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Path conf = OfficialPeers.writeProperties(dir.resolve("ns.properties"),
                Map.of("listenPort", Integer.toString(taken.getLocalPort()), "bindAddress", "127.0.0.1"));
            try (ChildJvm ns = ChildJvm.builder("io.apogee.namesrv.NamesrvStartup")
                .classpath(OfficialPeers.apogeeModuleClasspath("namesrv")).userHome(dir)
                .args("-c", conf.toString()).start(dir.resolve("ns.out"))) {
                assertThat(ns.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
                assertThat(ns.output()).contains("The Name Server boot failed: Address already in use")
                    .contains(Integer.toString(taken.getLocalPort()))
                    .doesNotContain("boot success");
            }
        }
    }

    @Test
    void binScriptPrintsConfigWithOverridesAndReportsUnknownKeys() throws Exception {
        Path dir = work("bin-p");
        Files.createDirectories(dir);
        Path conf = OfficialPeers.writeProperties(dir.resolve("ns.properties"),
            Map.of("listenPort", "19999", "orderMessageEnable", "true", "listenPrt", "1"));
        Path home = OfficialPeers.moduleDir().getParent();
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", home.resolve("bin/mqnamesrv").toString(),
            "-c", conf.toString(), "-p")).redirectErrorStream(true);
        pb.environment().remove("ROCKETMQ_HOME");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("JAVA_OPT", "-Xmx128m -Duser.home=" + dir);
        Process p = pb.start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("load config properties file OK, " + conf)
                .contains("unknown config key 'listenPrt', did you mean 'listenPort'?")
                .contains("listenPort=19999").contains("orderMessageEnable=true")
                .contains("kvConfigPath=" + dir + "/namesrv/kvConfig.json");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void kvConfigSurvivesRestart() throws Exception {
        Path dir = work("kv-restart");
        int port = ChildJvm.freePort();
        Files.createDirectories(dir.resolve("namesrv"));
        Files.writeString(dir.resolve("namesrv/kvConfig.json"),
            "{\"configTable\":{\"ORDER_TOPIC_CONFIG\":{\"T\":\"broker-a:4\"}}}");
        try (ChildJvm ns = Peers.startApogeeNamesrv(dir, port, Map.of())) {
            io.apogee.remoting.netty.NettyRemotingClient client =
                new io.apogee.remoting.netty.NettyRemotingClient(new io.apogee.remoting.netty.NettyClientConfig());
            client.start();
            try {
                io.apogee.common.protocol.header.namesrv.GetKVConfigRequestHeader h =
                    new io.apogee.common.protocol.header.namesrv.GetKVConfigRequestHeader();
                h.setNamespace("ORDER_TOPIC_CONFIG");
                h.setKey("T");
                io.apogee.remoting.protocol.RemotingCommand r = client.invokeSync("127.0.0.1:" + port,
                    io.apogee.remoting.protocol.RemotingCommand.createRequestCommand(
                        io.apogee.common.protocol.RequestCode.GET_KV_CONFIG, h), 5000);
                assertThat(r.getExtFields()).containsEntry("value", "broker-a:4");
            } finally {
                client.shutdown();
            }
            assertThat(Files.readString(dir.resolve("logs/rocketmqlogs/namesrv.log")))
                .contains("The Name Server boot success. serializeType=JSON");
        }
    }
}
