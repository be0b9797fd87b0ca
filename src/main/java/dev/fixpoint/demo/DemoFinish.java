package dev.fixpoint.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

import dev.fixpoint.attachments.Attachments;
import dev.fixpoint.notifications.Notifications;
import dev.fixpoint.notifications.Watching;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * What the demo adds once the projects' stories are committed: files the reporters
 * attached (logs and screenshots, backdated to just after filing; uploads run outside any
 * transaction), bugs people chose to watch, and then a fresh start for the bell: the
 * outbox's notifications delivered, each person left with only their few newest unread.
 */
@Component
class DemoFinish {

	/** Unread notifications each demo person starts with. */
	static final int UNREAD_AT_START = 3;

	private final Attachments attachments;

	private final Watching watching;

	private final Outbox outbox;

	private final Notifications notifications;

	DemoFinish(Attachments attachments, Watching watching, Outbox outbox, Notifications notifications) {
		this.attachments = attachments;
		this.watching = watching;
		this.outbox = outbox;
		this.notifications = notifications;
	}

	/** Attaches files to about one bug in five, and has some people watch some bugs. */
	void enrich(List<DemoBugs.Filed> filed, Team team, List<CurrentUser> watchers, Random random) {
		for (DemoBugs.Filed bug : filed) {
			int roll = random.nextInt(10);
			if (roll < 2) {
				Times.backdated(bug.at().plus(Duration.ofMinutes(3)), () -> attach(bug, roll == 0, random));
			}
			if (random.nextInt(8) == 0 && !watchers.isEmpty()) {
				CurrentUser watcher = DemoProject.pick(random, watchers);
				if (!watcher.id().equals(bug.reporter().id())) {
					Times.backdated(bug.at().plus(Duration.ofHours(1 + random.nextInt(48))),
							() -> this.watching.watch(bug.key(), watcher));
				}
			}
		}
	}

	/**
	 * Delivers what the outbox holds, then leaves each person a few unread notifications.
	 */
	void settle(Collection<UUID> people) {
		this.outbox.deliverDue();
		this.notifications.keepNewestUnread(people, UNREAD_AT_START);
	}

	private Object attach(DemoBugs.Filed bug, boolean screenshot, Random random) {
		byte[] bytes = screenshot ? screenshot(bug.key()) : log(bug.key(), random);
		String name = screenshot ? "screenshot-" + bug.key().toLowerCase(java.util.Locale.ROOT) + ".png"
				: "console.log";
		return this.attachments.upload(bug.reporter(), bug.key(), null, null, name, new ByteArrayInputStream(bytes),
				bytes.length);
	}

	private static byte[] log(String key, Random random) {
		StringBuilder log = new StringBuilder();
		int requestId = 10_000 + random.nextInt(90_000);
		log.append("[info] GET /session 200 (").append(20 + random.nextInt(80)).append(" ms)\n");
		log.append("[info] POST /api/cart/items 200 req=").append(requestId).append('\n');
		log.append("[warn] retrying request req=").append(requestId + 1).append(" after 502\n");
		log.append("[error] Uncaught TypeError: Cannot read properties of undefined (reading 'total')\n");
		log.append("    at render (app.js:").append(1000 + random.nextInt(9000)).append(")\n");
		log.append("[info] reported as ").append(key).append('\n');
		return log.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A small made-up screenshot: a window with a red error banner (shapes only: a server
	 * may have no fonts).
	 */
	private static byte[] screenshot(String key) {
		BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(new Color(0xF4F5F7));
			g.fillRect(0, 0, 480, 300);
			g.setColor(new Color(0x2F3A4A));
			g.fillRect(0, 0, 480, 36);
			g.setColor(new Color(0xFDE8E8));
			g.fillRect(24, 60, 432, 56);
			g.setColor(new Color(0xB91C1C));
			g.fillOval(40, 76, 24, 24);
			g.fillRect(80, 82, 120 + Math.floorMod(key.hashCode(), 200), 12);
			g.setColor(new Color(0xD0D5DD));
			for (int y = 140; y < 280; y += 28) {
				g.fillRect(24, y, 300 + (y * 7) % 130, 14);
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

}
