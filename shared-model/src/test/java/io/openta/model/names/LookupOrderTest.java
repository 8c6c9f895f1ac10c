package io.openta.model.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LookupOrderTest {

    @Test
    void recallsThePositionOnlyForTheSameStringAtTheSameQuestion() {
        LookupOrder order = new LookupOrder();
        String fund = "FundCode";
        order.remember(0, fund, 7);
        assertEquals(7, order.recall(0, fund));
        // an equal String that is another object is looked up by the caller, not recalled
        assertEquals(LookupOrder.UNKNOWN, order.recall(0, new String("FundCode")));
        // the same String at another question is not known
        assertEquals(LookupOrder.UNKNOWN, order.recall(1, fund));
    }

    @Test
    void nullIsNeverRecalled() {
        LookupOrder order = new LookupOrder();
        // an unused slot holds no name: a null question must not match it
        assertEquals(LookupOrder.UNKNOWN, order.recall(0, null));
    }

    @Test
    void questionsPastTheCapacityAreNeitherRememberedNorRecalled() {
        LookupOrder order = new LookupOrder();
        int last = LookupOrder.CAPACITY;
        order.remember(last, "x", 3);
        assertEquals(LookupOrder.UNKNOWN, order.recall(last, "x"));
        assertEquals(last, LookupOrder.next(last));
        assertEquals(1, LookupOrder.next(0));
    }
}
