export enum UserStatus {
  Active = 'active',
  Disabled = 'disabled',
}
