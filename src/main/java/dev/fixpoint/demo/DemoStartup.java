package dev.fixpoint.demo;

import java.util.stream.Collectors;

import dev.fixpoint.platform.FixpointProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code fixpoint.demo=true} ({@code FIXPOINT_DEMO=true}), loads the demo data once
 * the application is up and tells in the log how to sign in. A failure is logged and
 * leaves nothing behind; the application keeps running.
 */
@Component
class DemoStartup {

	private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

	private final FixpointProperties properties;

	private final DemoData demo;

	DemoStartup(FixpointProperties properties, DemoData demo) {
		this.properties = properties;
		this.demo = demo;
	}

	@EventListener
	void on(ApplicationReadyEvent event) {
		if (!this.properties.demo()) {
			return;
		}
		DemoData.Loaded loaded;
		try {
			loaded = this.demo.load();
		}
		catch (RuntimeException ex) {
			log.error("Could not load the demo data (nothing was kept); Fixpoint runs without it", ex);
			return;
		}
		if (loaded.created()) {
			log.info("Demo organization {} loaded in {} ms: {} people, {} projects, {} bugs", DemoPeople.ORGANIZATION,
					loaded.millis(), loaded.people(), loaded.projects(), loaded.bugs());
		}
		else {
			log.info("Demo organization {} is already there; not loading it again", DemoPeople.ORGANIZATION);
		}
		log.info("Demo sign-ins, all with the password '{}':\n{}", DemoPeople.PASSWORD,
				DemoPeople.ALL.stream()
					.map(p -> String.format("  %-26s %-15s %s", p.email(), p.name(), p.about()))
					.collect(Collectors.joining("\n")));
	}

}
