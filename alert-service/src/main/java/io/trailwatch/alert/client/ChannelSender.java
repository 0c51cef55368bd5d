package io.trailwatch.alert.client;

import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.ResolvedChannel;

/** Sends notifications to one type of receiver, in that receiver's format, with the group's dedup key. */
public interface ChannelSender {

    ChannelType type();

    /** One attempt; never throws for a receiver's or a network's failure, reports it in the outcome instead. */
    SendOutcome send(ResolvedChannel channel, Notification notification);
}
