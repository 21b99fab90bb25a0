package io.apogee.example.it;

/** The same tools.sh scenarios (Apogee's client, examples and mqadmin) against the official 4.9.7 daemons. */
class ToolsShOnOfficialIT extends AbstractToolsShIT {
    @Override
    boolean official() {
        return true;
    }

    @Override
    boolean brokerHasTransactions() {
        return true;
    }

    @Override
    boolean brokerHasSqlFilter() {
        return true;
    }
}
