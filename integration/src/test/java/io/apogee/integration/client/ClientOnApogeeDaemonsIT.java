package io.apogee.integration.client;

/** The Apogee client against Apogee's own name server and broker. */
class ClientOnApogeeDaemonsIT extends ClientScenarios {
    @Override
    public Cluster.Kind kind() {
        return Cluster.Kind.APOGEE;
    }
}
