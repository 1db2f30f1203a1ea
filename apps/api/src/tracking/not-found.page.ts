/** The page a person sees for a link that does not exist (mistyped or truncated SMS): friendly, bilingual. */
export const LINK_NOT_FOUND_HTML = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Liên kết không tồn tại — Link not found</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.4rem}a{color:#0a58ca}.en{color:#555;border-top:1px solid #ddd;margin-top:2rem;padding-top:1rem}</style>
</head><body>
<h1>Liên kết không tồn tại hoặc đã hết hạn</h1>
<p>Có thể tin nhắn bị cắt mất một phần đường dẫn. Bạn vẫn có thể cài đặt ứng dụng Bluezone tại
<a href="https://bluezone.gov.vn/taiapp">bluezone.gov.vn/taiapp</a>.</p>
<div class="en"><h1>This link does not exist or has expired</h1>
<p>Part of the link may have been cut off in the message. You can still install the Bluezone app from
<a href="https://bluezone.gov.vn/taiapp">bluezone.gov.vn/taiapp</a>.</p></div>
</body></html>`;
