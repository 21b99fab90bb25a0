package io.apogee.integration.client;

/** The Apogee client against the official Apache RocketMQ 4.9.7 name server and broker. */
class ClientOnOfficialDaemonsIT extends ClientScenarios {
    @Override
    public Cluster.Kind kind() {
        return Cluster.Kind.OFFICIAL;
    }
}
