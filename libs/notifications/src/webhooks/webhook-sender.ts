import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isInternalAddress } from './url-guard';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * A DNS lookup that refuses internal addresses: the socket connects to exactly the address
 * that was checked, so a name that re-resolves to 127.0.0.1 after the subscription was
 * saved (DNS rebinding) is refused at delivery.
 */
function guardedLookup(allowPrivateNetwork: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const bad = allowPrivateNetwork ? undefined : list.find((a) => isInternalAddress(a.address));
      if (bad) {
        return callback(
          new Error(`refused: ${hostname} resolves to internal address ${bad.address}`),
          '',
          0,
        );
      }
      if (options.all) return callback(null, list as never);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * POSTs one body. No redirects are followed (a 3xx is a failure: a redirect could lead inside
 * the network); a 2xx is success; the response body is read only to free the socket.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; allowPrivateNetwork: boolean },
): Promise<SendResult> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    // A literal address never goes through lookup: check it here.
    if (isIP(host) && !opts.allowPrivateNetwork && isInternalAddress(host)) {
      return resolve({ ok: false, statusCode: null, error: `refused: internal address ${host}` });
    }
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'OneDoor-Webhooks/1',
          ...headers,
        },
        lookup: guardedLookup(opts.allowPrivateNetwork),
        timeout: opts.timeoutMs,
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        resolve({
          ok,
          statusCode: status,
          error: ok
            ? null
            : status >= 300 && status < 400
              ? `HTTP ${status} (redirects are not followed)`
              : `HTTP ${status}`,
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${opts.timeoutMs} ms`)));
    req.on('error', (err) => resolve({ ok: false, statusCode: null, error: err.message }));
    req.end(body);
  });
}
