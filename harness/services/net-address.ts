/** Where a service or peer listens (or a call is sent): an IPv4 address and a port. */
export interface NetAddress {
  readonly host: string;
  readonly port: number;
}
