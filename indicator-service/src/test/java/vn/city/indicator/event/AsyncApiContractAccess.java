package vn.city.indicator.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Lets tests of other packages check an event against the AsyncAPI document. */
public final class AsyncApiContractAccess {

    private final AsyncApiContract contract = new AsyncApiContract();

    public List<String> missingRequired(JsonNode envelope) {
        return contract.missingRequired(envelope);
    }
}
