/** What a helper process needs to reach the PBX's AMI port with one account. */
export interface AmiAccess {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly secret: string;
}

/** What a helper process needs to reach the courier database with one account. */
export interface DatabaseAccess {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}
