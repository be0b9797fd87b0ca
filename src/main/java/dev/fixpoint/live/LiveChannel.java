package dev.fixpoint.live;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.NoticeChannel;

import org.springframework.stereotype.Component;

/** Reads the {@link LiveSignals} notices this node receives and hands them on. */
@Component
class LiveChannel implements NoticeChannel {

	private final LiveStreams streams;

	LiveChannel(LiveStreams streams) {
		this.streams = streams;
	}

	@Override
	public String channel() {
		return LiveSignals.CHANNEL;
	}

	@Override
	public void received(String payload) {
		String[] parts = payload.split("\\|", -1);
		if (parts.length == 6 && parts[0].equals("bug")) {
			Optional<UUID> project = Ids.parse(parts[1]);
			Optional<UUID> bug = Ids.parse(parts[2]);
			UUID actor = Ids.parse(parts[4]).orElse(null);
			List<String> fields = parts[5].isEmpty() ? List.of() : List.of(parts[5].split(","));
			if (project.isPresent() && bug.isPresent()) {
				this.streams.changed(project.get(), bug.get(), parts[3], actor, fields);
			}
		}
		else if (parts.length == 5 && parts[0].equals("new")) {
			Optional<UUID> project = Ids.parse(parts[1]);
			Optional<UUID> bug = Ids.parse(parts[2]);
			if (project.isPresent() && bug.isPresent()) {
				this.streams.created(project.get(), bug.get(), parts[3], Ids.parse(parts[4]).orElse(null));
			}
		}
		else if (parts.length == 4 && parts[0].equals("presence")) {
			Set<UUID> users = parts[3].isEmpty() ? Set.of()
					: Arrays.stream(parts[3].split(","))
						.map(Ids::parse)
						.flatMap(Optional::stream)
						.collect(Collectors.toUnmodifiableSet());
			Ids.parse(parts[2]).ifPresent(bug -> this.streams.seen(parts[1], bug, users));
		}
	}

	@Override
	public void resync() {
		// notices may have been missed: pages fetch again, nodes announce their viewers
		this.streams.resync();
	}

}
