package dev.fixpoint.triage;

/** How often suggestions of one kind were accepted: is triage helping? */
public record AcceptanceRate(String kind, long accepted, long dismissed) {

	/** 0..100, or -1 before any decision. */
	public int percent() {
		long all = this.accepted + this.dismissed;
		return all == 0 ? -1 : (int) (this.accepted * 100 / all);
	}

}
