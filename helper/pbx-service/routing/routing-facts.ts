/** A parcel of the caller's that a courier holds now (`givn.State = 1`). */
export interface HeldParcel {
  readonly addressCode: string;
  readonly orderCode: string;
  readonly courierCode: string;
  /** The courier's mobile as `+E.164`; undefined when his card has none usable. */
  readonly courierMobile: string | undefined;
  /** When the parcel was handed over (sortable text, `YYYY-MM-DD hh:mm:ss`). */
  readonly handedAt: string;
}

/** A staff member's or client's account manager: extensions only. */
export interface ManagedOwner {
  readonly code: string;
  readonly managerExtensions: readonly string[];
}

/** What the database says about a calling number, reduced to what routing needs. */
export interface RoutingFacts {
  /** The caller is a courier. */
  readonly courier: ManagedOwner | undefined;
  /** The caller is a client's contact person (code: the client's). */
  readonly contactPerson: ManagedOwner | undefined;
  /** The caller is a client. */
  readonly client: ManagedOwner | undefined;
  /** The caller's parcels in couriers' hands, most recent hand-over first. */
  readonly parcels: readonly HeldParcel[];
}

/** Looks a number up for routing; rejects on any database failure or abort. */
export interface RoutingDirectory {
  /** `dbKey`: digits as the database stores them (`79161234567`). */
  find(dbKey: string, signal: AbortSignal): Promise<RoutingFacts>;
}
