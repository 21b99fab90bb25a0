package io.apogee.example.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** tools.sh, mqadmin and the examples against Apogee's name server and broker (child JVMs). */
class ToolsShOnApogeeIT extends AbstractToolsShIT {
    @Override
    boolean official() {
        return false;
    }

    @Override
    boolean brokerHasTransactions() {
        return wires("TransactionalMessageCheckService");
    }

    @Override
    boolean brokerHasSqlFilter() {
        return wires("ConsumerFilterManager");
    }

    /**
     * The broker's controller refers to a component of that type once the feature is wired in: look for the name
     * in its class file (no class loading, so nothing of the broker is linked into this JVM).
     */
    private static boolean wires(String componentType) {
        try (InputStream in = ToolsShOnApogeeIT.class.getClassLoader().getResourceAsStream("io/apogee/broker/BrokerController.class")) {
            return in != null && new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("/" + componentType);
        } catch (IOException e) {
            return false;
        }
    }
}
