package io.apogee.tools.it;

/** mqadmin against Apogee's name server and broker (child JVMs). */
class ApogeeMqadminIT extends AbstractMqadminIT {
    @Override
    boolean official() {
        return false;
    }
}
