package io.trailwatch.simulator.traffic;

import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.org.Organisation;

import java.util.List;
import java.util.SplittableRandom;

/** What an API call needs to fill in its parameters: where it happens and a random stream. */
public record CallContext(Organisation org, Account account, String region, Network network, long time,
                          SplittableRandom rng) {

    public <T> T any(List<T> values) {
        return values.get(rng.nextInt(values.size()));
    }
}
