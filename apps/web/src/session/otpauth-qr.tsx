import { encode } from 'uqr';
import { useMemo } from 'react';

/**
 * The otpauth: URI as a QR code, drawn here in the browser: the secret never goes to a QR
 * service. One <path> of dark modules with a quiet zone of four, crisp at any size.
 */
export function OtpauthQr({ uri, label }: { uri: string; label: string }) {
  const { size, path } = useMemo(() => {
    const qr = encode(uri, { ecc: 'M', border: 4 });
    const moves: string[] = [];
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) moves.push(`M${x} ${y}h1v1h-1z`);
      }),
    );
    return { size: qr.size, path: moves.join('') };
  }, [uri]);
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="mfa-qr"
      data-modules={size}
      className="qr"
      viewBox={`0 0 ${size} ${size}`}
      width={size * 5}
      height={size * 5}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
