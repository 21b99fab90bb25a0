package io.apogee.client.it;

/** The Apogee client against the official Apache RocketMQ 4.9.7 name server and broker. */
class OfficialDaemonsIT extends ClientScenarios {
    @Override
    Cluster.Kind kind() {
        return Cluster.Kind.OFFICIAL;
    }
}
