package io.apogee.tools.it;

/** The same mqadmin scenarios against the official Apache RocketMQ 4.9.7 name server and broker. */
class OfficialMqadminIT extends AbstractMqadminIT {
    @Override
    boolean official() {
        return true;
    }
}
