//! Serves the built app (`dist/`): hashed assets cached for good, the shell and the service
//! worker always revalidated, and any unknown non-API path answered with `index.html` so
//! the app's own router can take it.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;

use crate::error::ApiError;
use crate::state::AppState;

pub async fn serve(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    if path.starts_with("/api/") || path == "/api" {
        return ApiError::not_found(format!("Recurso não encontrado: {path}")).into_response();
    }
    let dist = state.config.dist_dir.clone();
    let relative = path.trim_start_matches('/');
    let safe = !relative.split('/').any(|seg| seg == ".." || seg.starts_with('.'));
    let file = if !relative.is_empty() && safe && dist.join(relative).is_file() {
        dist.join(relative)
    } else {
        dist.join("index.html")
    };
    if !file.is_file() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "The app is not built yet: run `make run` (it builds the app into dist/).",
        )
            .into_response();
    }
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
    let mut res = match crate::compression::serve_file(&file).oneshot(req).await {
        Ok(r) => r.map(Body::new),
        Err(e) => return ApiError::internal(e).into_response(),
    };
    // Trunk puts a content hash in asset names; everything else must be revalidated.
    let hashed = name.contains('-') && (name.ends_with(".wasm") || name.ends_with(".js") || name.ends_with(".css"));
    let cache = if hashed && name != "sw.js" { "public, max-age=31536000, immutable" } else { "no-cache" };
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if name == "sw.js" {
        res.headers_mut().insert("service-worker-allowed", HeaderValue::from_static("/"));
    }
    res
}
