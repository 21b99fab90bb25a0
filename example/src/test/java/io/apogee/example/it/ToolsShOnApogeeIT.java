package io.apogee.example.it;

import io.apogee.broker.BrokerController;
import java.util.Arrays;

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

    /** The broker's controller holds a component of that type once the feature is wired in. */
    private static boolean wires(String componentType) {
        return Arrays.stream(BrokerController.class.getDeclaredFields()).anyMatch(f -> f.getType().getSimpleName().equals(componentType));
    }
}
