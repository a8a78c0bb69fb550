//! Compressed answers for a rep on a weak network: API JSON is compressed on the fly
//! (brotli or gzip, as the client's `Accept-Encoding` allows), and the app's files are sent
//! precompressed (the build writes `.br` and `.gz` beside each of them, see
//! `scripts/precompress.js`). Every answer that depends on `Accept-Encoding` says so with
//! `Vary: Accept-Encoding`, so no cache hands a brotli body to a client that cannot read it.
//!
//! ```ignore
//! let app = compression::wrap(Router::new().route(...).with_state(state));
//! let file = compression::serve_file(&dist.join("index.html"));
//! ```

use std::path::Path;

use axum::http::{header, HeaderValue};
use axum::middleware::map_response;
use axum::response::Response;
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeFile;

/// Compresses the API's answers and marks every encoded answer with `Vary`.
pub fn wrap(app: Router) -> Router {
    // brotli at quality 4 (tower-http's default, as nginx does on the fly) and gzip at 6:
    // a 500-row page compresses in a few milliseconds, far less than it saves on 3G/4G.
    app.layer(CompressionLayer::new()).layer(map_response(vary_on_encoding))
}

/// Serves `file`, or its `.br` / `.gz` sibling when the client accepts that encoding.
pub fn serve_file(file: &Path) -> ServeFile {
    ServeFile::new(file).precompressed_br().precompressed_gzip()
}

/// Precompressed files come back with `Content-Encoding` but no `Vary` (the compression
/// layer only adds it to what it compresses itself).
async fn vary_on_encoding(mut res: Response) -> Response {
    let encoded = res.headers().contains_key(header::CONTENT_ENCODING);
    let varies = res
        .headers()
        .get_all(header::VARY)
        .iter()
        .any(|v| v.to_str().is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding")));
    if encoded && !varies {
        res.headers_mut().append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}
