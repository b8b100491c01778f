/**
 * Express's "trust proxy" value for the TRUST_PROXY setting (validated by the settings schema):
 * off is false, a number is a hop count, anything else a list of trusted addresses or ranges.
 */
export function trustProxyValue(setting: string): boolean | number | string[] {
  if (setting === 'off') return false;
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting.split(',').map((entry) => entry.trim());
}
