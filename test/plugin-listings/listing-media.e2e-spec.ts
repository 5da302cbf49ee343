import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { BlobStore } from '../../apps/api/src/plugins/storage/blob-store.js';
import { partnerFactories } from '../partners/partner-factory.js';
import { call } from '../support/http.js';
import { png } from '../support/images.js';
import { sendFile } from '../support/multipart.js';
import { COMPLETE_DETAILS, newPublisher, publishVersion } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** Tiny real images drawn on a Chromium canvas and saved with toDataURL (JPEG, WebP); PNGs are made by `png()`. */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

const GIF = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([0x80, 0x00, 0x80, 0x00, 0x80, 0x00, 0x00]), Buffer.alloc(40), Buffer.from([0x3b])]);
const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128"><script>alert(1)</script></svg>');
const HTML = Buffer.from('<!doctype html><html><body><script>fetch("/v1/me")</script></body></html>');

describe('plugin listing images: icon, screenshots, serving', () => {
  const s = useTestApp();
  const partners = () => partnerFactories(s.ctx.app);

  it('sets a PNG icon from its bytes and serves it with headers that keep browsers from reading it as anything else', async () => {
    const { owner, url } = await newPublisher(s.ctx.app);
    const icon = png(128, 128);
    // The declared type and name are ignored: the bytes decide.
    const set = await sendFile(s.ctx.app, 'PUT', `${url}/icon`, owner.accessToken, { data: icon, filename: 'icon.bin', contentType: 'application/octet-stream' });
    expect(set.status).toBe(200);
    const ref = { sha256: sha256(icon), contentType: 'image/png', width: 128, height: 128, bytes: icon.length, url: `/v1/plugin-media/${sha256(icon)}` };
    expect([set.body.draft.icon, set.body.draft.iconUrl]).toEqual([ref, ref.url]);

    const served = await call(s.ctx.app, 'GET', ref.url);
    expect(served.status).toBe(200);
    expect(served.headers).toEqual(
      expect.objectContaining({
        'content-type': 'image/png',
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      }),
    );
    expect((await s.ctx.app.inject({ method: 'GET', url: ref.url })).rawPayload.equals(icon)).toBe(true);

    // A JPEG replaces it; the old image is no longer shown by any listing, so it is no longer served.
    const jpeg = fixture('icon-128.jpg');
    const replaced = await sendFile(s.ctx.app, 'PUT', `${url}/icon`, owner.accessToken, { data: jpeg, filename: 'icon.jpg', contentType: 'image/jpeg' });
    expect(replaced.body.draft.icon).toEqual(expect.objectContaining({ sha256: sha256(jpeg), contentType: 'image/jpeg', width: 128, height: 128 }));
    expect((await call(s.ctx.app, 'GET', `/v1/plugin-media/${sha256(jpeg)}`)).headers['content-type']).toBe('image/jpeg');
    const gone = await call(s.ctx.app, 'GET', ref.url);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'MEDIA_NOT_FOUND']);
  });

  it('refuses what is not a PNG, JPEG or WebP by its bytes, whatever it claims to be, and stores none of it', async () => {
    const { owner, url } = await newPublisher(s.ctx.app);
    const cases: Array<[string, Buffer, string]> = [
      ['a GIF', GIF, 'image/gif'],
      ['an SVG', SVG, 'image/svg+xml'],
      ['HTML renamed .png', HTML, 'image/png'],
      ['a PNG with HTML appended', png(128, 128, { trailing: HTML }), 'image/png'],
      ['a PNG header on HTML', Buffer.concat([png(128, 128).subarray(0, 33), HTML]), 'image/png'],
      ['a truncated PNG', png(128, 128).subarray(0, 60), 'image/png'],
      ['a JPEG with bytes after its end', Buffer.concat([fixture('icon-128.jpg'), Buffer.from('<script>alert(1)</script>')]), 'image/jpeg'],
      ['an empty file', Buffer.alloc(0), 'image/png'],
    ];
    for (const [what, data, contentType] of cases) {
      const refused = await sendFile(s.ctx.app, 'PUT', `${url}/icon`, owner.accessToken, { data, filename: 'icon.png', contentType });
      expect([what, refused.status, refused.body.error?.code]).toEqual([what, 422, 'MEDIA_INVALID']);
      expect(refused.body.error.details.problem).toEqual(expect.any(String));
      expect((await call(s.ctx.app, 'GET', `/v1/plugin-media/${sha256(data)}`)).status).toBe(404);
      expect(await s.ctx.app.get(BlobStore).get('media', sha256(data))).toBeNull();
    }
    const gif = await sendFile(s.ctx.app, 'PUT', `${url}/icon`, owner.accessToken, { data: GIF, contentType: 'image/gif' });
    expect(gif.body.error.message).toMatch(/GIF/);

    const view = await call(s.ctx.app, 'GET', url, { token: owner.accessToken });
    expect(view.body.draft.icon).toBeNull();
    const audits = await s.ctx.app.get(DataSource).query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'plugin_listing.edited' AND target_id = $1`, [view.body.id]);
    expect(audits[0].n).toBe(0);
  });

  it('checks an icon’s size and shape: at most 256 KB, square, 64 to 1024 px', async () => {
    const { owner, url } = await newPublisher(s.ctx.app);
    const put = (data: Buffer) => sendFile(s.ctx.app, 'PUT', `${url}/icon`, owner.accessToken, { data });
    const tooLarge = await put(png(400, 400, { noise: true }));
    expect([tooLarge.status, tooLarge.body.error.code]).toEqual([413, 'MEDIA_TOO_LARGE']);
    const oblong = await put(png(128, 96));
    expect([oblong.status, oblong.body.error.code, oblong.body.error.message]).toEqual([422, 'MEDIA_INVALID', expect.stringMatching(/square/)]);
    const tiny = await put(png(32, 32));
    expect([tiny.status, tiny.body.error.code, tiny.body.error.details]).toEqual([422, 'MEDIA_INVALID', expect.objectContaining({ width: 32, height: 32 })]);
    const huge = await put(png(1100, 1100));
    expect([huge.status, huge.body.error.code]).toEqual([422, 'MEDIA_INVALID']);
    expect((await put(png(64, 64))).status).toBe(200);
    expect((await put(png(1024, 1024))).status).toBe(200);
  });

  it('refuses uploads that are not multipart or carry no file, and callers who may not edit the listing', async () => {
    const { owner, partner, url } = await newPublisher(s.ctx.app);
    const json = await call(s.ctx.app, 'PUT', `${url}/icon`, { token: owner.accessToken, body: { file: 'x' } });
    expect([json.status, json.body.error.code]).toEqual([415, 'NOT_MULTIPART']);
    const wrongField = await sendFile(s.ctx.app, 'PUT', `${url}/icon`, owner.accessToken, { data: png(64, 64), field: 'image' });
    expect([wrongField.status, wrongField.body.error.code]).toEqual([400, 'FILE_MISSING']);

    const finance = await s.make.newMember('finance');
    await partners().addMember(partner, finance, 'finance');
    const outsider = await s.make.newMember('outsider');
    const asFinance = await sendFile(s.ctx.app, 'PUT', `${url}/icon`, finance.accessToken, { data: png(64, 64) });
    expect([asFinance.status, asFinance.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);
    const asOutsider = await sendFile(s.ctx.app, 'POST', `${url}/screenshots`, outsider.accessToken, { data: png(640, 400) });
    expect([asOutsider.status, asOutsider.body.error.code]).toEqual([403, 'PARTNER_ACCESS_DENIED']);
    const missing = await sendFile(s.ctx.app, 'PUT', `/v1/plugins/${partner.namespace}/not-a-listing/icon`, owner.accessToken, { data: png(64, 64) });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'LISTING_NOT_FOUND']);
  });

  it('adds screenshots with captions, reorders and recaptions them, deletes them, and stops at 8', async () => {
    const { owner, url } = await newPublisher(s.ctx.app);
    const webp = fixture('screenshot-640x400.webp');
    const jpeg = fixture('screenshot-800x450.jpg');
    const first = await sendFile(s.ctx.app, 'POST', `${url}/screenshots`, owner.accessToken, { data: webp, contentType: 'image/webp' }, { caption: 'The settings page' });
    expect(first.status).toBe(201);
    const second = await sendFile(s.ctx.app, 'POST', `${url}/screenshots`, owner.accessToken, { data: jpeg, contentType: 'image/jpeg' });
    expect(second.body.draft.screenshots).toEqual([
      { sha256: sha256(webp), contentType: 'image/webp', width: 640, height: 400, bytes: webp.length, caption: 'The settings page', url: `/v1/plugin-media/${sha256(webp)}` },
      { sha256: sha256(jpeg), contentType: 'image/jpeg', width: 800, height: 450, bytes: jpeg.length, caption: '', url: `/v1/plugin-media/${sha256(jpeg)}` },
    ]);
    expect((await call(s.ctx.app, 'GET', `/v1/plugin-media/${sha256(webp)}`)).headers['content-type']).toBe('image/webp');

    const reordered = await call(s.ctx.app, 'PATCH', url, {
      token: owner.accessToken,
      body: { screenshots: [{ sha256: sha256(jpeg), caption: 'Orders arriving' }, { sha256: sha256(webp), caption: 'Settings' }] },
    });
    expect(reordered.body.draft.screenshots.map((shot: { sha256: string; caption: string }) => [shot.sha256, shot.caption])).toEqual([
      [sha256(jpeg), 'Orders arriving'],
      [sha256(webp), 'Settings'],
    ]);
    const dropped = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { screenshots: [{ sha256: sha256(jpeg), caption: 'Only one' }] } });
    expect([dropped.status, dropped.body.error.details]).toEqual([400, [expect.objectContaining({ field: 'screenshots' })]]);
    const repeated = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { screenshots: [{ sha256: sha256(jpeg), caption: 'a' }, { sha256: sha256(jpeg), caption: 'b' }] } });
    expect(repeated.status).toBe(400);

    const longCaption = await sendFile(s.ctx.app, 'POST', `${url}/screenshots`, owner.accessToken, { data: png(640, 400) }, { caption: 'c'.repeat(141) });
    expect([longCaption.status, longCaption.body.error.details]).toEqual([400, [expect.objectContaining({ field: 'caption' })]]);
    const narrow = await sendFile(s.ctx.app, 'POST', `${url}/screenshots`, owner.accessToken, { data: png(300, 400) });
    expect([narrow.status, narrow.body.error.code]).toEqual([422, 'MEDIA_INVALID']);
    const tooLarge = await sendFile(s.ctx.app, 'POST', `${url}/screenshots`, owner.accessToken, { data: png(900, 900, { noise: true }) });
    expect([tooLarge.status, tooLarge.body.error.code]).toEqual([413, 'MEDIA_TOO_LARGE']);

    for (let width = 321; width <= 326; width += 1) {
      expect((await sendFile(s.ctx.app, 'POST', `${url}/screenshots`, owner.accessToken, { data: png(width, 240) })).status).toBe(201);
    }
    const ninth = await sendFile(s.ctx.app, 'POST', `${url}/screenshots`, owner.accessToken, { data: png(400, 240) });
    expect([ninth.status, ninth.body.error.code]).toEqual([409, 'MEDIA_LIMIT']);

    const removed = await call(s.ctx.app, 'DELETE', `${url}/screenshots/${sha256(webp)}`, { token: owner.accessToken });
    expect([removed.status, removed.body.draft.screenshots.length]).toEqual([200, 7]);
    expect((await call(s.ctx.app, 'GET', `/v1/plugin-media/${sha256(webp)}`)).status).toBe(404);
    const again = await call(s.ctx.app, 'DELETE', `${url}/screenshots/${sha256(webp)}`, { token: owner.accessToken });
    expect([again.status, again.body.error.code]).toEqual([404, 'MEDIA_NOT_FOUND']);
  });

  it('keeps serving an image the public copy shows after the draft drops it', async () => {
    const publisher = await newPublisher(s.ctx.app, COMPLETE_DETAILS);
    const { owner, url } = publisher;
    const shot = png(640, 360);
    await sendFile(s.ctx.app, 'POST', `${url}/screenshots`, owner.accessToken, { data: shot });
    await publishVersion(s.ctx.app, publisher);
    await call(s.ctx.app, 'DELETE', `${url}/screenshots/${sha256(shot)}`, { token: owner.accessToken });
    expect((await call(s.ctx.app, 'GET', `/v1/plugin-media/${sha256(shot)}`)).status).toBe(200);
    const listing = await call(s.ctx.app, 'GET', url);
    expect([listing.body.public.screenshots.length, listing.body.draft]).toEqual([1, null]);

    const unknown = await call(s.ctx.app, 'GET', `/v1/plugin-media/${'0'.repeat(64)}`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'MEDIA_NOT_FOUND']);
    const malformed = await call(s.ctx.app, 'GET', '/v1/plugin-media/..%2F..%2Fetc%2Fpasswd');
    expect(malformed.status).toBe(400);
  });
});
